import type { Condition } from '../protocol/schema';
import type { ProtocolState } from '../session/record';

/**
 * Whether a step's `when` holds on what has been recorded so far. Used to leave out topics that do
 * not apply to this session; a confirmed mark counts as marked, a suggestion does not.
 */
export function holds(cond: Condition | undefined, state: ProtocolState): boolean {
  if (!cond) return true;
  if ('answer' in cond) {
    const v = state.answers[cond.answer]?.value;
    if (v === undefined) return false;
    return 'is' in cond ? v === cond.is : cond.in.includes(v);
  }
  if ('answered' in cond) return state.answers[cond.answered] !== undefined;
  if ('marked' in cond) return state.marks[cond.marked]?.status === 'confirmed';
  if ('markedAnyIn' in cond) return cond.markedAnyIn.some((id) => state.marks[id]?.status === 'confirmed');
  if ('all' in cond) return cond.all.every((c) => holds(c, state));
  if ('any' in cond) return cond.any.some((c) => holds(c, state));
  return !holds(cond.not, state);
}
