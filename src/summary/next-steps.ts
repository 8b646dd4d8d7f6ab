import type { Category, Protocol } from '../protocol/schema';
import type { SessionRecord } from '../session/record';
import type { IndicatorEntry, NextStepId, NonPunishmentReading, UncoveredTopic } from './summary-types';
import { NEXT_STEPS } from './summary-types';

export interface NextStepInput {
  record: SessionRecord;
  protocol: Protocol;
  confirmed: IndicatorEntry[];
  suggested: IndicatorEntry[];
  uncovered: UncoveredTopic[];
  nonPunishment: NonPunishmentReading | null;
  hasEvidence: boolean;
}

/** Child-screen answers that mean "possibly under 18": a yes, an age band under 18, or not knowing. */
const CHILD_ANSWERS = ['yes', 'unknown', 'under-18'];

const stepsTagged = (protocol: Protocol, tag: 'referral' | 'child-screen' | 'consent'): string[] =>
  protocol.steps.filter((s) => s.kind !== 'branch' && s.tags?.includes(tag)).map((s) => s.id);

/**
 * Recommended next steps, derived only from what was recorded, in a fixed order (urgent first).
 * - `urgent-medical-check`: drug ingestion confirmed (swallowed or body-packed drugs are a risk to life);
 * - `child-specialist-and-guardian`: a child indicator confirmed, or the child screen answered yes, under-18 or unknown
 *   (when age is unclear, the person is treated as a possible minor);
 * - `assess-safety-risk`: threats to the person or family, or force, confirmed;
 * - `refer-specialised-unit`: a strong indicator confirmed and no referral recorded (a referral step
 *   answered with anything but `no`/`unknown`);
 * - `arrange-interpreter`, `record-consent`, `review-suggested-indicators`, `cover-remaining-topics`;
 * - `raise-non-punishment`: the non-punishment reading shows indications;
 * - `request-evidence`: a defender intake with evidence worth requesting;
 * - `submit-for-review`: the session is not yet submitted or signed off.
 */
export function nextSteps(input: NextStepInput): NextStepId[] {
  const { record, protocol, confirmed } = input;
  const { answers } = record.state;
  const cats = new Set<Category>(confirmed.flatMap((e) => e.categories));
  const any = (...cs: Category[]): boolean => cs.some((c) => cats.has(c));
  const want = new Set<NextStepId>();

  if (any('scenario.drug-ingestion')) want.add('urgent-medical-check');
  const childScreen = stepsTagged(protocol, 'child-screen').some((id) => CHILD_ANSWERS.includes(answers[id]?.value ?? ''));
  if (any('vulnerability.child') || childScreen) want.add('child-specialist-and-guardian');
  if (any('means.threats', 'means.threats-to-family', 'means.force-violence')) want.add('assess-safety-risk');
  const referred = stepsTagged(protocol, 'referral').some((id) => {
    const v = answers[id]?.value;
    return v !== undefined && v !== 'no' && v !== 'unknown' && v.trim() !== '';
  });
  if (confirmed.some((e) => e.strength === 'strong') && !referred) want.add('refer-specialised-unit');
  if (any('vulnerability.language-barrier')) want.add('arrange-interpreter');
  const consentItems = protocol.steps.flatMap((s) => (s.kind === 'question' && s.tags?.includes('consent') ? [s.consent ?? s.id] : []));
  if (consentItems.some((item) => !record.state.consent[item])) want.add('record-consent');
  if (input.suggested.length) want.add('review-suggested-indicators');
  if (input.uncovered.length) want.add('cover-remaining-topics');
  if (input.nonPunishment?.status === 'indications-present') want.add('raise-non-punishment');
  if (record.kind === 'defender' && input.hasEvidence) want.add('request-evidence');
  if (!['submitted', 'signed-off'].includes(record.status)) want.add('submit-for-review');
  return NEXT_STEPS.filter((s) => want.has(s));
}
