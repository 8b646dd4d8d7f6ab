import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Protocol, type Condition, type Step } from '../../src/protocol/schema';
import { projectRoot } from '../../src/paths';
import { protocolKeys } from '../../src/protocol/content-locale';
import { findSeedsDir } from './content-files';

const root = projectRoot();
const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));
const protocol = Protocol.parse(readJson('prompts', 'life-story.json'));
const LOCALES = ['es', 'en', 'pt'] as const;
const seeds = findSeedsDir();
if (!seeds) throw new Error(`no shared/seeds above ${root}`);
const seedsDir: string = seeds;

function flatten(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, obj);
  return out;
}

/** A step's tags; branch steps have none. */
const tagsOf = (s: Step): string[] => (s.kind === 'branch' ? [] : s.tags ?? []);

function catalogueIds(): Set<string> {
  const raw = readJson('prompts', 'indicators.json') as { indicators: { id: string }[] };
  return new Set(raw.indicators.map((i) => i.id));
}

/** Every step id and indicator id a condition refers to. */
function conditionRefs(c: Condition, out: { answers: { id: string; values: string[] }[]; marks: string[] }): void {
  if ('answer' in c) out.answers.push({ id: c.answer, values: 'is' in c ? [c.is] : c.in });
  else if ('answered' in c) out.answers.push({ id: c.answered, values: [] });
  else if ('marked' in c) out.marks.push(c.marked);
  else if ('markedAnyIn' in c) out.marks.push(...c.markedAnyIn);
  else if ('all' in c) c.all.forEach((x) => conditionRefs(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionRefs(x, out));
  else conditionRefs(c.not, out);
}

function answerValues(step: Step | undefined): string[] | undefined {
  if (!step || step.kind !== 'question') return undefined;
  if (step.answer.type === 'yes-no-unknown') return ['yes', 'no', 'unknown'];
  if (step.answer.type === 'choice') return step.answer.options;
  return undefined;
}

describe('the life-story protocol', () => {
  const byId = new Map(protocol.steps.map((s) => [s.id, s]));
  const indexOf = (id: string): number => protocol.steps.findIndex((s) => s.id === id);

  it('is a defender-only protocol with the expected id and version', () => {
    expect(protocol.id).toBe('life-story');
    expect(protocol.version).toBe('1.0.0');
    expect(protocol.roles).toEqual(['defender']);
  });

  it('has unique step ids and unique section ids', () => {
    const ids = protocol.steps.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(new Set(protocol.sections).size).toBe(protocol.sections.length);
  });

  it('puts every step in a declared section, runs sections in order and leaves none empty', () => {
    const order = protocol.steps.map((s) => protocol.sections.indexOf(s.section));
    expect(order.filter((i) => i < 0)).toEqual([]);
    expect(order.every((v, i) => i === 0 || v >= (order[i - 1] ?? 0))).toBe(true);
    expect(protocol.sections.filter((sec) => !protocol.steps.some((s) => s.section === sec))).toEqual([]);
  });

  it('has branch targets and condition references that exist, pointing only at earlier answers with valid values', () => {
    const faults: string[] = [];
    const ids = catalogueIds();
    for (const step of protocol.steps) {
      const conds: Condition[] = [];
      if (step.kind === 'branch') {
        for (const r of step.rules) { conds.push(r.when); if (!byId.has(r.goto)) faults.push(`${step.id} -> ${r.goto}`); }
        if (step.otherwise && !byId.has(step.otherwise)) faults.push(`${step.id} -> ${step.otherwise}`);
      } else if (step.when) conds.push(step.when);
      for (const c of conds) {
        const refs = { answers: [] as { id: string; values: string[] }[], marks: [] as string[] };
        conditionRefs(c, refs);
        for (const a of refs.answers) {
          const values = answerValues(byId.get(a.id));
          if (!byId.has(a.id) || indexOf(a.id) >= indexOf(step.id)) faults.push(`${step.id} refers to ${a.id}`);
          for (const v of a.values) if (values && !values.includes(v)) faults.push(`${step.id}: ${a.id} cannot be ${v}`);
        }
        for (const m of refs.marks) if (!ids.has(m)) faults.push(`${step.id} refers to indicator ${m}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('refers only to indicators of the real catalogue, and to at least 25 of them', () => {
    const ids = catalogueIds();
    const referenced = new Set(protocol.steps.flatMap((s) => ('indicators' in s ? s.indicators ?? [] : [])));
    expect([...referenced].filter((id) => !ids.has(id))).toEqual([]);
    expect(referenced.size).toBeGreaterThanOrEqual(25);
  });

  it('pairs every closed suggested question with an open follow-up in the same step', () => {
    const faults: string[] = [];
    for (const step of protocol.steps) {
      if (step.kind !== 'questions') continue;
      const ids = new Set(step.questions.map((q) => q.id));
      if (ids.size !== step.questions.length) faults.push(`${step.id}: duplicate question id`);
      for (const q of step.questions) {
        if (q.style !== 'closed') continue;
        const f = step.questions.find((x) => x.id === q.followUp);
        if (!f || f.style !== 'open') faults.push(`${step.id}.${q.id}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('records consent to the interview, the notes and any sharing before the first topic', () => {
    const consent = protocol.steps.filter((s) => tagsOf(s).includes('consent'));
    const items = consent.map((s) => (s.kind === 'question' ? s.consent : undefined));
    expect([...items].sort()).toEqual(['interview', 'notes', 'sharing']);
    const firstTopic = protocol.steps.findIndex((s) => tagsOf(s).includes('topic'));
    expect(firstTopic).toBeGreaterThan(0);
    for (const s of consent) expect(indexOf(s.id)).toBeLessThan(firstTopic);
    const interview = consent.find((s) => s.kind === 'question' && s.consent === 'interview');
    expect(interview && interview.kind === 'question' ? interview.proceedOnlyIf : undefined).toEqual(['yes']);
  });

  it('gives each content section from identity to wishes exactly one topic step', () => {
    const from = protocol.sections.indexOf('identity');
    const to = protocol.sections.indexOf('wishes');
    expect(to - from).toBe(13);
    for (const sec of protocol.sections.slice(from, to + 1)) {
      expect([sec, protocol.steps.filter((s) => s.section === sec && tagsOf(s).includes('topic')).length]).toEqual([sec, 1]);
    }
  });

  it('asks for the two non-punishment assessments, victim first, with a not-enough-information answer', () => {
    const victim = protocol.steps.find((s) => tagsOf(s).includes('np-victim'));
    const link = protocol.steps.find((s) => tagsOf(s).includes('np-link'));
    for (const s of [victim, link]) expect(answerValues(s)).toEqual(['yes', 'no', 'not-enough-information']);
    expect(indexOf(victim?.id ?? '')).toBeLessThan(indexOf(link?.id ?? ''));
  });

  it('explains the timeline early, before the first topic, and ends with a summary', () => {
    const timeline = protocol.steps.findIndex((s) => tagsOf(s).includes('timeline'));
    const firstTopic = protocol.steps.findIndex((s) => tagsOf(s).includes('topic'));
    expect(timeline).toBeGreaterThanOrEqual(0);
    expect(timeline).toBeLessThan(firstTopic);
    expect(protocol.steps.at(-1)?.kind).toBe('summary');
  });

  it('cites seed line ranges that exist in the seed files', () => {
    const dir = seedsDir;
    const lineCount = new Map<string, number>();
    const faults: string[] = [];
    for (const step of protocol.steps) {
      for (const src of step.sources ?? []) {
        if (!('doc' in src)) continue;
        const file = join(dir, src.doc);
        if (!existsSync(file)) { faults.push(`${step.id}: ${src.doc}`); continue; }
        if (!lineCount.has(src.doc)) lineCount.set(src.doc, readFileSync(file, 'utf8').split('\n').length);
        const [from, to] = src.lines.split('-').map(Number) as [number, number];
        if (from < 1 || to < from || to > (lineCount.get(src.doc) ?? 0)) faults.push(`${step.id}: ${src.doc}:${src.lines}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it.each(LOCALES)('has every needed key, non-empty, and no stray keys in locale %s', (lng) => {
    const flat = flatten(readJson('locales', lng, 'protocol.life-story.json'));
    const needed = protocolKeys(protocol);
    expect(needed.filter((k) => typeof flat.get(k) !== 'string' || !(flat.get(k) as string).trim())).toEqual([]);
    const neededSet = new Set(needed);
    expect([...flat.keys()].filter((k) => !neededSet.has(k))).toEqual([]);
  });

  it.each(LOCALES)('never asks the person whether they are a victim, in locale %s', (lng) => {
    const flat = flatten(readJson('locales', lng, 'protocol.life-story.json'));
    const pattern = { en: /are you a victim/i, es: /es usted (una )?v[ií]ctima|eres v[ií]ctima/i, pt: /(você|voce) é (uma )?v[ií]tima/i }[lng];
    const asked = [...flat].filter(([k, v]) => /\.questions\./.test(k) && pattern.test(String(v)));
    expect(asked).toEqual([]);
  });
});
