import { protocolKeys } from '../../src/protocol/content-locale';
import { IndicatorCatalogue, Protocol, type Condition, type Step } from '../../src/protocol/schema';
import { findSeedsDir, LOCALES, readProjectJson, sourceProblems } from './content-files';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

function holds(c: Condition, answers: Record<string, string>): boolean {
  if ('is' in c) return answers[c.answer] === c.is;
  if ('in' in c) return c.in.includes(answers[c.answer] ?? '');
  if ('answered' in c) return c.answered in answers;
  if ('marked' in c || 'markedAnyIn' in c) return false;
  if ('all' in c) return c.all.every((x) => holds(x, answers));
  if ('any' in c) return c.any.some((x) => holds(x, answers));
  return !holds(c.not, answers);
}

/** Walks the protocol in order with fixed answers, following branches and `when`: the visible step ids. */
function walk(steps: Step[], answers: Record<string, string>): string[] {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const seen: string[] = [];
  let i = 0;
  for (let guard = 0; i < steps.length && guard < 1000; guard++) {
    const step = steps[i]!;
    if (step.kind === 'branch') {
      const rule = step.rules.find((r) => holds(r.when, answers));
      const target = rule?.goto ?? step.otherwise;
      i = target ? index.get(target)! : i + 1;
      continue;
    }
    if (!step.when || holds(step.when, answers)) seen.push(step.id);
    i += 1;
  }
  return seen;
}

describe('the interview protocol', () => {
  const parsed = Protocol.safeParse(readProjectJson('prompts/interview.json'));
  const protocol = parsed.success ? parsed.data : { id: 'none', version: '0.0.0', roles: [], sections: [], steps: [] as Step[] };
  const steps = protocol.steps;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const tagged = (tag: string): Step[] => steps.filter((s) => s.kind !== 'branch' && (s.tags ?? []).includes(tag as never));

  it('parses with the Protocol schema as interview 1.0.0 for officers and supervisors', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(protocol.id).toBe('interview');
    expect(protocol.version).toBe('1.0.0');
    expect([...protocol.roles].sort()).toEqual(['officer', 'supervisor']);
  });

  it('has unique step ids, known sections and branch targets that exist', () => {
    const ids = steps.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(steps.filter((s) => !protocol.sections.includes(s.section)).map((s) => s.id)).toEqual([]);
    const targets = steps.flatMap((s) => (s.kind === 'branch' ? [...s.rules.map((r) => r.goto), ...(s.otherwise ? [s.otherwise] : [])] : []));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !byId.has(t))).toEqual([]);
  });

  it('pairs every closed suggested question with an open follow-up in the same step', () => {
    const faults: string[] = [];
    for (const s of steps) {
      if (s.kind !== 'questions') continue;
      for (const q of s.questions) {
        if (q.style !== 'closed') continue;
        const f = s.questions.find((x) => x.id === q.followUp);
        if (!f || f.style !== 'open') faults.push(`${s.id}.${q.id}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('offers only indicators that exist in the catalogue', () => {
    const catalogue = IndicatorCatalogue.parse(readProjectJson('prompts/indicators.json'));
    const known = new Set(catalogue.indicators.map((i) => i.id));
    const offered = steps.flatMap((s) => (s.kind === 'branch' ? [] : (s.indicators ?? []).map((id) => `${s.id}:${id}`)));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((o) => !known.has(o.split(':')[1]!))).toEqual([]);
  });

  it('records the four consent items as separate yes/no/unknown questions', () => {
    const items = tagged('consent').filter((s) => s.section === 'engage').map((s) => (s.kind === 'question' ? s.consent : undefined));
    expect(items.sort()).toEqual(['interview', 'notes', 'recording', 'sharing']);
  });

  it.each(LOCALES)('has every key the steps need in the %s locale', (lng) => {
    const words = readProjectJson(`locales/${lng}/protocol.interview.json`);
    const needed = protocolKeys(protocol);
    const missing = needed.filter((k) => { const v = lookup(words, k); return typeof v !== 'string' || !v.trim(); });
    expect(missing).toEqual([]);
  });

  it('never calls sexual exploitation work nor asks the person whether they are a victim in Spanish prompts', () => {
    const words = readProjectJson('locales/es/protocol.interview.json') as { steps: Record<string, { questions?: Record<string, string> }> };
    const asked = Object.values(words.steps).flatMap((s) => Object.values(s.questions ?? {}));
    expect(asked.filter((q) => /trabajo sexual|trabajadora sexual|es usted víctima/i.test(q))).toEqual([]);
  });

  it('gives every visible step a source, and cites seed lines that exist', () => {
    const seeds = findSeedsDir();
    expect(seeds).toBeDefined();
    const visible = steps.filter((s) => s.kind !== 'branch');
    expect(visible.filter((s) => s.sources.length === 0).map((s) => s.id)).toEqual([]);
    expect(steps.flatMap((s) => sourceProblems(seeds ?? '', s.id, s.sources ?? []))).toEqual([]);
  });

  it('gates the safeguards with a required yes before anything else on the detained or suspect path', () => {
    const gate = tagged('safeguards').find((s) => s.kind === 'question');
    expect(gate?.kind === 'question' && gate.required && gate.proceedOnlyIf).toEqual(['yes']);
    for (const status of ['detained', 'suspect']) {
      for (const child of ['yes', 'no', 'unknown']) {
        const path = walk(steps, { 'legal-status': status, 'child-screen': child, 'child-consent-interview': 'yes', 'consent-interview': 'yes', 'safety-urgent': 'no' });
        const first = (tag: string): number => path.findIndex((id) => (byId.get(id) as { tags?: string[] }).tags?.includes(tag));
        const safeguards = path.indexOf(gate!.id);
        expect(safeguards).toBeGreaterThanOrEqual(0);
        expect(first('free-account')).toBeGreaterThan(safeguards);
        expect(first('topic')).toBeGreaterThan(safeguards);
        expect(path.indexOf('child-screen')).toBeGreaterThan(safeguards);
      }
    }
  });

  it('skips the safeguards for a possible victim or witness', () => {
    const path = walk(steps, { 'legal-status': 'possible-victim-or-witness', 'child-screen': 'no', 'consent-interview': 'yes' });
    expect(path.filter((id) => tagged('safeguards').some((s) => s.id === id))).toEqual([]);
    expect(path).toContain('free-account-invite');
  });

  it('sends a possible child down the child path and an adult past it, both reaching safety, referral and the summary', () => {
    for (const [child, expectChild] of [['yes', true], ['unknown', true], ['no', false]] as const) {
      const path = walk(steps, { 'legal-status': 'possible-victim-or-witness', 'child-screen': child, 'child-consent-interview': 'yes', 'consent-interview': 'yes' });
      const childSteps = path.filter((id) => tagged('child-path').some((s) => s.id === id));
      expect(childSteps.length > 0).toBe(expectChild);
      expect(path.includes('engage-introduce')).toBe(!expectChild);
      expect(path).toEqual(expect.arrayContaining(['safety-ask', 'referral-offer', 'closure-next-steps', 'summary']));
      expect(path[path.length - 1]).toBe('summary');
    }
  });

  it('goes straight to safety and referral when the person does not agree to the interview', () => {
    const path = walk(steps, { 'legal-status': 'possible-victim-or-witness', 'child-screen': 'no', 'consent-interview': 'no' });
    expect(path).not.toContain('free-account-invite');
    expect(path.filter((id) => tagged('topic').some((s) => s.id === id))).toEqual([]);
    expect(path).toEqual(expect.arrayContaining(['safety-ask', 'referral-offer', 'summary']));
  });
});
