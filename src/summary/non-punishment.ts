import type { Protocol, Step } from '../protocol/schema';
import type { ProtocolState } from '../session/record';
import { holds } from '../protocol/conditions';
import type { NonPunishmentReading, NpReading, NpStatus, NpStepReading, NpCriterionReading } from './summary-types';

/**
 * Reads the answers to the non-punishment steps (`np-victim`, `np-link`, `np-criterion`).
 * Answer values map as: `yes`/`supports` → supports, `no`/`against` → against, anything else
 * (`unknown`, `missing`, `not-enough-information`, no answer) → missing. The overall status is an indication for the file,
 * never a legal conclusion: only a court or prosecutor decides.
 */
export function readAnswer(value: string | undefined): NpReading {
  if (value === 'yes' || value === 'supports') return 'supports';
  if (value === 'no' || value === 'against') return 'against';
  return 'missing';
}

const tagged = (protocol: Protocol, tag: 'np-victim' | 'np-link' | 'np-criterion'): Step[] =>
  protocol.steps.filter((s) => s.kind !== 'branch' && s.tags?.includes(tag));

function stepReading(step: Step, state: ProtocolState): NpStepReading {
  const answer = state.answers[step.id]?.value ?? null;
  return { stepId: step.id, reading: readAnswer(answer ?? undefined), answer };
}

/** Combines the two steps of the test: victim status first, then the link to the offence. */
export function npStatus(victim: NpReading | null, link: NpReading | null): NpStatus {
  if (victim === 'against' || link === 'against') return 'no-indications-so-far';
  if (victim === 'supports' && link === 'supports') return 'indications-present';
  return 'not-enough-information';
}

/** The non-punishment reading, or null when the protocol has no non-punishment steps. */
export function readNonPunishment(protocol: Protocol, state: ProtocolState): NonPunishmentReading | null {
  const victimSteps = tagged(protocol, 'np-victim');
  const linkSteps = tagged(protocol, 'np-link');
  // Criteria are the questions tagged `np-criterion` that apply to this session; a guidance step
  // with the tag explains the test and carries no answer.
  const criterionSteps = tagged(protocol, 'np-criterion').filter((s) => s.kind === 'question' && (!s.when || holds(s.when, state)));
  if (!victimSteps.length && !linkSteps.length && !criterionSteps.length) return null;
  const victim = victimSteps[0] ? stepReading(victimSteps[0], state) : null;
  const link = linkSteps[0] ? stepReading(linkSteps[0], state) : null;
  const liveNotes = state.notes.filter((n) => !n.deleted);
  const criteria: NpCriterionReading[] = criterionSteps.map((step) => {
    const offered = step.kind === 'branch' ? [] : step.indicators ?? [];
    const confirmed = (id: string): boolean => state.marks[id]?.status === 'confirmed';
    return {
      ...stepReading(step, state),
      supportingIndicatorIds: offered.filter(confirmed),
      openIndicatorIds: offered.filter((id) => !confirmed(id)),
      noteIds: liveNotes.filter((n) => n.stepId === step.id).map((n) => n.id),
    };
  });
  return { status: npStatus(victim?.reading ?? null, link?.reading ?? null), victim, link, criteria };
}
