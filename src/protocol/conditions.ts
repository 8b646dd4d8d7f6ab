import type { Condition } from './schema';
import type { ProtocolState } from '../session/record';

/**
 * Whether a condition holds on what has been recorded so far. Pure. An unanswered question never
 * satisfies `answer`, and only confirmed marks count for `marked` (a suggestion is not a finding).
 */
export function holds(c: Condition, s: Pick<ProtocolState, 'answers' | 'marks'>): boolean {
  if ('is' in c) return s.answers[c.answer]?.value === c.is;
  if ('in' in c) {
    const v = s.answers[c.answer]?.value;
    return v !== undefined && c.in.includes(v);
  }
  if ('answered' in c) return s.answers[c.answered] !== undefined;
  if ('marked' in c) return s.marks[c.marked]?.status === 'confirmed';
  if ('markedAnyIn' in c) return c.markedAnyIn.some((id) => s.marks[id]?.status === 'confirmed');
  if ('all' in c) return c.all.every((x) => holds(x, s));
  if ('any' in c) return c.any.some((x) => holds(x, s));
  return !holds(c.not, s);
}

/** Every step id and indicator id a condition refers to, for content validation. */
export function references(c: Condition): { steps: string[]; indicators: string[] } {
  const steps: string[] = [];
  const indicators: string[] = [];
  const walk = (x: Condition): void => {
    if ('answer' in x) steps.push(x.answer);
    else if ('answered' in x) steps.push(x.answered);
    else if ('marked' in x) indicators.push(x.marked);
    else if ('markedAnyIn' in x) indicators.push(...x.markedAnyIn);
    else if ('all' in x) x.all.forEach(walk);
    else if ('any' in x) x.any.forEach(walk);
    else walk(x.not);
  };
  walk(c);
  return { steps, indicators };
}
