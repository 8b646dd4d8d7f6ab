import type { Category, Element, Strength } from '../protocol/schema';
import type { SessionStatus } from '../session/record';

/**
 * The session summary as data: ids and values only, no words. Renderers turn it into a card, Markdown
 * or HTML with the turn's `t`; the same record gives the same summary in every language.
 */

/** The element order every rendering follows. */
export const ELEMENTS: readonly Element[] = ['act', 'means', 'purpose', 'scenario', 'vulnerability'];

/** An indicator as recorded in this session, with the notes that support it. */
export interface IndicatorEntry {
  id: string;
  /** Empty when the indicator is not in the catalogue (kept, never dropped). */
  categories: Category[];
  strength: Strength | null;
  status: 'confirmed' | 'suggested';
  /** The step where it was marked. */
  stepId: string;
  at: string;
  /** `mark.noteIds` first, then the notes written on the marking step; deleted notes excluded. */
  noteIds: string[];
}

/** Confirmed indicator ids by category, inside one element. */
export interface ElementGroup {
  element: Element;
  categories: { category: Category; indicatorIds: string[] }[];
}

/** A topic probe (a step tagged `topic`) that has not been covered. */
export interface UncoveredTopic {
  stepId: string;
  section: string;
  reason: 'not-reached' | 'skipped';
}

export interface ConsentItem {
  item: string;
  value: string;
  at: string;
  stepId: string;
}

/** How an answer bears on a non-punishment step. */
export type NpReading = 'supports' | 'missing' | 'against';

/** An indicative reading, never a legal conclusion. */
export const NP_STATUSES = ['indications-present', 'not-enough-information', 'no-indications-so-far'] as const;
export type NpStatus = (typeof NP_STATUSES)[number];

export interface NpStepReading {
  stepId: string;
  reading: NpReading;
  /** The recorded answer value, when there is one. */
  answer: string | null;
}

export interface NpCriterionReading extends NpStepReading {
  /** Indicators the criterion step offers that are confirmed in this session. */
  supportingIndicatorIds: string[];
  /** Indicators the criterion step offers that are not confirmed yet: what is still to explore. */
  openIndicatorIds: string[];
  /** Notes written on the criterion step. */
  noteIds: string[];
}

export interface NonPunishmentReading {
  status: NpStatus;
  victim: NpStepReading | null;
  link: NpStepReading | null;
  criteria: NpCriterionReading[];
}

export const NEXT_STEPS = [
  'urgent-medical-check', 'child-specialist-and-guardian', 'assess-safety-risk', 'refer-specialised-unit',
  'arrange-interpreter', 'record-consent', 'review-suggested-indicators', 'cover-remaining-topics',
  'raise-non-punishment', 'request-evidence', 'submit-for-review',
] as const;
export type NextStepId = (typeof NEXT_STEPS)[number];

export const EVIDENCE = [
  'phone-records', 'travel-records', 'migration-records', 'socio-environmental-report', 'medical-report',
  'psychological-report', 'financial-records', 'age-documents', 'prior-violence-records', 'network-investigation',
] as const;
export type EvidenceId = (typeof EVIDENCE)[number];

/** A piece of evidence worth requesting, and the categories found that make it worth it. */
export interface EvidenceItem {
  id: EvidenceId;
  because: Category[];
}

/** A note as the summary shows it (never a deleted one). */
export interface SummaryNote {
  id: string;
  stepId: string;
  text: string;
  at: string;
}

export interface SessionSummary {
  sessionId: string;
  kind: 'officer' | 'defender';
  sessionStatus: SessionStatus;
  protocolId: string;
  protocolVersion: string;
  catalogueVersion: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  /** Always true: the reading is indicative, not a legal determination. */
  indicative: true;
  confirmed: IndicatorEntry[];
  groups: ElementGroup[];
  suggested: IndicatorEntry[];
  uncovered: UncoveredTopic[];
  consent: ConsentItem[];
  /** Null when the protocol has no non-punishment steps. */
  nonPunishment: NonPunishmentReading | null;
  nextSteps: NextStepId[];
  /** Empty unless the session is a defender intake. */
  evidence: EvidenceItem[];
  notes: SummaryNote[];
}
