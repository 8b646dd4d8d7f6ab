import { references } from './conditions';
import { ContentError } from './content-error';
import type { Condition, IndicatorCatalogue, Protocol, SourceRef, Step } from './schema';

/**
 * Structural checks zod cannot express: unique ids, known sections, forward-only branch targets,
 * conditions that refer to real steps and options, known indicators, well-formed consent steps.
 * Throws a ContentError naming `file: path` of the first fault.
 */
export function checkStructure(file: string, p: Protocol, catalogue: IndicatorCatalogue): void {
  const fault = (where: string, msg: string): never => { throw new ContentError(`${file}: ${where}: ${msg}`); };
  const index = new Map<string, number>();
  const sections = new Set<string>();
  p.sections.forEach((s, i) => {
    if (sections.has(s)) fault(`sections[${i}]`, `duplicate section "${s}"`);
    sections.add(s);
  });
  p.steps.forEach((s, i) => {
    if (index.has(s.id)) fault(`steps[${i}].id`, `duplicate step id "${s.id}"`);
    index.set(s.id, i);
  });
  const used = new Set(p.steps.map((s) => s.section));
  p.sections.forEach((s, i) => { if (!used.has(s)) fault(`sections[${i}]`, `section "${s}" has no steps`); });
  const indicatorIds = new Set(catalogue.indicators.map((x) => x.id));

  const checkCondition = (where: string, c: Condition): void => {
    const refs = references(c);
    for (const id of refs.indicators) if (!indicatorIds.has(id)) fault(where, `unknown indicator "${id}"`);
    for (const id of refs.steps) {
      const target = p.steps[index.get(id) ?? -1];
      if (!target) fault(where, `unknown step "${id}"`);
      else if (target.kind !== 'question') fault(where, `step "${id}" is not a question`);
    }
    checkValues(where, c, p, index, fault);
  };

  p.steps.forEach((s, i) => {
    const at = `steps[${i}]`;
    if (!sections.has(s.section)) fault(`${at}.section`, `section "${s.section}" is not listed in sections`);
    if (s.kind === 'branch') {
      s.rules.forEach((r, j) => {
        checkCondition(`${at}.rules[${j}].when`, r.when);
        checkTarget(`${at}.rules[${j}].goto`, r.goto, i, index, fault);
      });
      if (s.otherwise) checkTarget(`${at}.otherwise`, s.otherwise, i, index, fault);
      return;
    }
    if (s.when) checkCondition(`${at}.when`, s.when);
    (s.indicators ?? []).forEach((id, j) => { if (!indicatorIds.has(id)) fault(`${at}.indicators[${j}]`, `unknown indicator "${id}"`); });
    checkKindSpecific(at, s, fault);
  });
}

type Fault = (where: string, msg: string) => never;

function checkTarget(where: string, target: string, from: number, index: Map<string, number>, fault: Fault): void {
  const to = index.get(target);
  if (to === undefined) fault(where, `unknown step "${target}"`);
  else if (to <= from) fault(where, `branch to "${target}" goes backwards; branches only jump forward`);
}

/** `is`/`in` values must be possible answers of the question they test. */
function checkValues(where: string, c: Condition, p: Protocol, index: Map<string, number>, fault: Fault): void {
  if ('all' in c) return c.all.forEach((x, i) => checkValues(`${where}.all[${i}]`, x, p, index, fault));
  if ('any' in c) return c.any.forEach((x, i) => checkValues(`${where}.any[${i}]`, x, p, index, fault));
  if ('not' in c) return checkValues(`${where}.not`, c.not, p, index, fault);
  if (!('is' in c) && !('in' in c)) return;
  const q = p.steps[index.get(c.answer) ?? -1];
  if (!q || q.kind !== 'question' || q.answer.type === 'text') return;
  const allowed = q.answer.type === 'choice' ? q.answer.options : ['yes', 'no', 'unknown'];
  for (const v of 'is' in c ? [c.is] : c.in) {
    if (!allowed.includes(v)) fault(where, `"${v}" is not an answer of step "${c.answer}" (${allowed.join(', ')})`);
  }
}

function checkKindSpecific(at: string, s: Exclude<Step, { kind: 'branch' }>, fault: Fault): void {
  const tagged = s.tags?.includes('consent') ?? false;
  if (s.kind === 'question') {
    if (s.consent && !tagged) fault(`${at}.tags`, 'a step with a consent item needs the "consent" tag');
    if (tagged && !s.consent) fault(`${at}.consent`, 'a consent step must name its consent item');
    if (tagged && s.answer.type !== 'yes-no-unknown') fault(`${at}.answer.type`, 'a consent step needs a yes-no-unknown answer');
    const allowed = s.answer.type === 'choice' ? s.answer.options : s.answer.type === 'yes-no-unknown' ? ['yes', 'no', 'unknown'] : null;
    s.proceedOnlyIf?.forEach((v, j) => {
      if (allowed && !allowed.includes(v)) fault(`${at}.proceedOnlyIf[${j}]`, `"${v}" is not a possible answer`);
    });
    if (s.answer.type === 'choice') dupes(`${at}.answer.options`, s.answer.options, fault);
  } else if (tagged) {
    fault(`${at}.tags`, 'the "consent" tag belongs on a question step');
  }
  if (s.kind === 'questions') {
    const ids = s.questions.map((q) => q.id);
    dupes(`${at}.questions`, ids, fault);
    s.questions.forEach((q, j) => {
      if (q.followUp && !ids.includes(q.followUp)) fault(`${at}.questions[${j}].followUp`, `unknown question "${q.followUp}"`);
    });
    if (s.avoid) dupes(`${at}.avoid`, s.avoid, fault);
  }
  if (s.kind === 'cautions') dupes(`${at}.items`, s.items, fault);
}

function dupes(where: string, ids: string[], fault: Fault): void {
  ids.forEach((id, i) => { if (ids.indexOf(id) !== i) fault(`${where}[${i}]`, `duplicate id "${id}"`); });
}

/** Every source reference of a protocol or the catalogue, with its path. */
export function sourcesOf(p: { steps: Step[] } | IndicatorCatalogue): Array<[string, SourceRef]> {
  const out: Array<[string, SourceRef]> = [];
  if ('steps' in p) p.steps.forEach((s, i) => s.sources?.forEach((r, j) => out.push([`steps[${i}].sources[${j}]`, r])));
  else p.indicators.forEach((x, i) => x.sources.forEach((r, j) => out.push([`indicators[${i}].sources[${j}]`, r])));
  return out;
}
