import type { IndicatorCatalogue, Protocol, Step, Tag } from '../protocol/schema';
import type { ProtocolState, SessionRecord } from '../session/record';

/**
 * What a supervisor should look at, computed from the record alone. Each flag is an id whose plain
 * explanation lives in `review:flags.<id>`; `steps` names the steps concerned.
 */
export type QualityFlagId =
  | 'consent-missing-before-account'
  | 'questioned-before-safeguards'
  | 'minor-without-child-path'
  | 'free-account-repeated'
  | 'required-steps-skipped'
  | 'strong-indicators-without-referral';

export interface QualityFlag {
  id: QualityFlagId;
  steps: string[];
}

const withTag = (p: Protocol, tag: Tag): Step[] => p.steps.filter((s) => 'tags' in s && s.tags?.includes(tag));
const ids = (steps: Step[]): Set<string> => new Set(steps.map((s) => s.id));

/** The moment a step was first acted on: an answer, or the earliest note written on it. */
function firstActivity(state: ProtocolState, stepIds: Set<string>): string | undefined {
  const times = [
    ...[...stepIds].map((id) => state.answers[id]?.at),
    ...state.notes.filter((n) => stepIds.has(n.stepId)).map((n) => n.at),
  ].filter((t): t is string => Boolean(t));
  return times.sort()[0];
}

export function qualityFlags(record: SessionRecord, protocol: Protocol, catalogue: IndicatorCatalogue): QualityFlag[] {
  const s = record.state;
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i] as const));
  const confirmed = Object.entries(s.marks).filter(([, m]) => m.status === 'confirmed').map(([id]) => byId.get(id));
  const flags: QualityFlag[] = [];
  const shown = new Set(s.trail);
  const account = ids(withTag(protocol, 'free-account'));
  const accountReached = [...account].some((id) => shown.has(id));
  const factSteps = ids([...withTag(protocol, 'free-account'), ...withTag(protocol, 'topic')]);
  const factsReached = [...factSteps].some((id) => shown.has(id));
  const firstFacts = firstActivity(s, factSteps);

  // Consent to the interview recorded (as yes) before the account started.
  const consent = s.consent['interview'];
  const accountStart = firstActivity(s, account);
  if (accountReached && (!consent || consent.value !== 'yes' || (accountStart !== undefined && consent.at > accountStart))) {
    flags.push({ id: 'consent-missing-before-account', steps: [...account] });
  }

  // A detained person or suspect must hear their safeguards before any question on the facts.
  const status = withTag(protocol, 'legal-status').map((st) => s.answers[st.id]?.value).find(Boolean);
  if (status === 'detained' || status === 'suspect') {
    const guard = withTag(protocol, 'safeguards');
    const given = guard.map((g) => s.answers[g.id]).find((a) => a?.value === 'yes');
    if (factsReached && (!given || (firstFacts !== undefined && given.at > firstFacts))) flags.push({ id: 'questioned-before-safeguards', steps: guard.map((g) => g.id) });
  }

  // Signs of a minor without the child path.
  const screen = withTag(protocol, 'child-screen').map((st) => s.answers[st.id]?.value).find(Boolean);
  const childMarked = confirmed.some((i) => i?.categories.includes('vulnerability.child'));
  const childPath = ids(withTag(protocol, 'child-path'));
  if ((screen === 'yes' || screen === 'unknown' || childMarked) && childPath.size > 0 && ![...childPath].some((id) => shown.has(id))) {
    flags.push({ id: 'minor-without-child-path', steps: [...childPath] });
  }

  // The person made to tell the account again: the account step shown more than once.
  const repeats = [...account].filter((id) => s.trail.filter((t) => t === id).length > 1);
  if (repeats.length) flags.push({ id: 'free-account-repeated', steps: repeats });

  // Required steps skipped, or passed by when the session is finished.
  const requiredSkipped = protocol.steps.filter((st) => 'required' in st && st.required && s.skipped.includes(st.id)).map((st) => st.id);
  if (requiredSkipped.length) flags.push({ id: 'required-steps-skipped', steps: requiredSkipped });

  // Strong indicators confirmed, but no referral or next step recorded (answered, noted, or gone through).
  const strong = confirmed.filter((i) => i?.strength === 'strong');
  const followUp = [...withTag(protocol, 'referral'), ...withTag(protocol, 'next-steps')];
  const followed = followUp.some(
    (st) => s.answers[st.id] !== undefined || s.notes.some((n) => n.stepId === st.id && !n.deleted) || (shown.has(st.id) && !s.skipped.includes(st.id)),
  );
  if (strong.length && !followed) flags.push({ id: 'strong-indicators-without-referral', steps: followUp.map((st) => st.id) });

  return flags;
}
