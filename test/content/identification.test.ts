import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorCatalogue, Protocol, type Step } from '../../src/protocol/schema';
import { projectRoot } from '../../src/paths';
import { SUPPORTED_LOCALES } from '../../src/i18n';
import { findSeedsDir, sourceProblems } from './content-files';
import { protocolKeys } from '../../src/protocol/content-locale';
import { conditionsOf, visibleSteps } from './protocol-walk';

const root = projectRoot();
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const protocol = Protocol.parse(readJson(join(root, 'prompts', 'identification.json')));
const byId = new Map(protocol.steps.map((s) => [s.id, s] as const));
const positionOf = (id: string): number => protocol.steps.findIndex((s) => s.id === id);
const tagged = (tag: string): Step[] => protocol.steps.filter((s) => s.kind !== 'branch' && s.tags?.includes(tag as never));

/** Answer values a question accepts. */
function valuesOf(step: Step): string[] | null {
  if (step.kind !== 'question') return null;
  if (step.answer.type === 'yes-no-unknown') return ['yes', 'no', 'unknown'];
  if (step.answer.type === 'choice') return step.answer.options;
  return null;
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('the identification protocol', () => {
  it('is the identification protocol, version 1.0.0, for officers, defenders and supervisors', () => {
    expect(protocol.id).toBe('identification');
    expect(protocol.version).toBe('1.0.0');
    expect([...protocol.roles].sort()).toEqual(['defender', 'officer', 'supervisor']);
  });

  it('has unique step ids', () => {
    const ids = protocol.steps.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('uses every section, only declared sections, and keeps each section together in the declared order', () => {
    const order = protocol.steps.map((s) => protocol.sections.indexOf(s.section));
    expect(order.filter((i) => i < 0)).toEqual([]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(protocol.sections.length);
  });

  it('sends every branch to an existing step further on', () => {
    for (const step of protocol.steps) {
      if (step.kind !== 'branch') continue;
      for (const target of [...step.rules.map((r) => r.goto), ...(step.otherwise ? [step.otherwise] : [])]) {
        expect({ from: step.id, target, exists: byId.has(target) }).toEqual({ from: step.id, target, exists: true });
        expect(positionOf(target)).toBeGreaterThan(positionOf(step.id));
      }
    }
  });

  it('only conditions on earlier questions and on values those questions can take', () => {
    const problems: string[] = [];
    for (const { stepId, condition } of conditionsOf(protocol)) {
      const ref = 'answer' in condition ? condition.answer : 'answered' in condition ? condition.answered : null;
      if (ref === null) continue;
      const target = byId.get(ref);
      if (!target || target.kind !== 'question') { problems.push(`${stepId}: ${ref} is not a question`); continue; }
      if (positionOf(ref) >= positionOf(stepId)) problems.push(`${stepId}: ${ref} comes later`);
      const allowed = valuesOf(target);
      const used = 'is' in condition ? [condition.is] : 'in' in condition ? condition.in : [];
      for (const v of used) if (allowed && !allowed.includes(v)) problems.push(`${stepId}: ${ref} cannot be ${v}`);
    }
    expect(problems).toEqual([]);
  });

  it('references only indicators of the catalogue, and at least twenty of them', () => {
    const catalogue = IndicatorCatalogue.parse(readJson(join(root, 'prompts', 'indicators.json')));
    const known = new Set(catalogue.indicators.map((i) => i.id));
    const referenced = new Set<string>();
    for (const step of protocol.steps) if (step.kind !== 'branch') (step.indicators ?? []).forEach((id) => referenced.add(id));
    for (const { condition } of conditionsOf(protocol)) {
      if ('marked' in condition) referenced.add(condition.marked);
      if ('markedAnyIn' in condition) condition.markedAnyIn.forEach((id) => referenced.add(id));
    }
    expect([...referenced].filter((id) => !known.has(id))).toEqual([]);
    expect(referenced.size).toBeGreaterThanOrEqual(20);
  });

  it.each([...SUPPORTED_LOCALES])('has every needed text, and no stray step text, in %s', (lng) => {
    const tree = readJson(join(root, 'locales', lng, 'protocol.identification.json'));
    const missing = protocolKeys(protocol).filter((k) => {
      const v = lookup(tree, k);
      return typeof v !== 'string' || !v.trim();
    });
    expect(missing).toEqual([]);
    const visible = protocol.steps.filter((s) => s.kind !== 'branch').map((s) => s.id).sort();
    expect(Object.keys(lookup(tree, 'steps') as object).sort()).toEqual(visible);
  });

  it('cites seed passages that exist, with line ranges inside the file', () => {
    const dir = findSeedsDir();
    expect(dir).toBeDefined();
    const problems = protocol.steps.flatMap((s) => sourceProblems(dir!, s.id, s.sources ?? []));
    expect(problems).toEqual([]);
    expect(protocol.steps.filter((s) => s.kind !== 'branch' && s.sources.some((src) => 'doc' in src)).length).toBeGreaterThan(30);
  });

  it('has the two-step non-punishment test in order, followed by at least five criteria', () => {
    const victim = tagged('np-victim');
    const link = tagged('np-link');
    const criteria = tagged('np-criterion');
    expect(victim).toHaveLength(1);
    expect(link).toHaveLength(1);
    expect([victim[0]!.kind, link[0]!.kind]).toEqual(['question', 'question']);
    expect(positionOf(victim[0]!.id)).toBeLessThan(positionOf(link[0]!.id));
    expect(criteria.length).toBeGreaterThanOrEqual(5);
    expect(criteria.every((s) => s.kind === 'question' && positionOf(s.id) > positionOf(link[0]!.id))).toBe(true);
  });

  it('offers a way to answer that there is not enough information at both steps of the test', () => {
    for (const step of [...tagged('np-victim'), ...tagged('np-link')]) {
      expect(valuesOf(step)).toContain('not-enough-information');
    }
  });

  describe('the child rule', () => {
    const screen = tagged('child-screen');
    const answerEverythingYes = (child: string): Record<string, string> => {
      const answers: Record<string, string> = {};
      for (const s of protocol.steps) if (s.kind === 'question') answers[s.id] = valuesOf(s)?.[0] ?? 'text';
      answers[screen[0]!.id] = child;
      return answers;
    };
    const meansSteps = ['means-question', 'means-checklist'];

    it('has one screening question, asked before the three elements', () => {
      expect(screen).toHaveLength(1);
      expect(screen[0]!.kind).toBe('question');
      expect(positionOf(screen[0]!.id)).toBeLessThan(positionOf('act-question'));
    });

    it.each(['yes', 'unknown'])('skips the means element when the answer is %s', (child) => {
      const seen = visibleSteps(protocol, { answers: answerEverythingYes(child), marked: [] });
      expect(seen.filter((id) => meansSteps.includes(id))).toEqual([]);
      expect(seen).toEqual(expect.arrayContaining(['act-question', 'purpose-question', 'np-crit-child-automatic']));
    });

    it('asks about the means when the person is an adult', () => {
      const seen = visibleSteps(protocol, { answers: answerEverythingYes('no'), marked: [] });
      expect(seen).toEqual(expect.arrayContaining([...meansSteps, 'purpose-question']));
      expect(seen).not.toContain('np-crit-child-automatic');
    });
  });

  it('ends with the summary, after the recorded next steps', () => {
    expect(protocol.steps.at(-1)!.kind).toBe('summary');
    expect(tagged('next-steps').length).toBeGreaterThan(0);
    expect(protocol.steps.filter((s) => s.kind === 'summary')).toHaveLength(1);
  });
});
