import type { IndicatorCatalogue, Protocol } from '../protocol/schema';
import type { SessionRecord } from '../session/record';
import type { Category } from '../protocol/schema';
import { approximateDate } from './approximate-date';
import { evidenceFor } from './evidence';
import { buildSummary } from './summary';
import type { EvidenceItem, NonPunishmentReading, SessionSummary } from './summary-types';

/** A life-story event, with its place in time when the date as written could be read. */
export interface StoryEvent {
  id: string;
  when: string;
  text: string;
  at: string;
  /** Month number (year × 12 + month) when the date could be read; null keeps the order told. */
  sortKey: number | null;
}

/**
 * The defender's intake document: the story in order, the indicators with their notes, the
 * non-punishment criteria one by one, and the evidence worth requesting. Data only, no words.
 */
export interface IntakeDocument {
  summary: SessionSummary;
  /** Events whose date could be read, earliest first (ties keep the order told). */
  story: StoryEvent[];
  /** Events without a readable date, in the order told. */
  undated: StoryEvent[];
  nonPunishment: NonPunishmentReading | null;
  evidence: EvidenceItem[];
}

/** Builds the intake for a `life-story` session (works on any protocol with a timeline). Pure. */
export function buildIntake(record: SessionRecord, protocol: Protocol, catalogue: IndicatorCatalogue): IntakeDocument {
  const summary = buildSummary(record, protocol, catalogue);
  const events: StoryEvent[] = (record.state.timeline ?? []).map((e) => ({
    id: e.id, when: e.when, text: e.text, at: e.at, sortKey: approximateDate(e.when, new Date(e.at)),
  }));
  const story = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.sortKey !== null)
    .sort((a, b) => a.e.sortKey! - b.e.sortKey! || a.i - b.i)
    .map(({ e }) => e);
  return {
    summary,
    story,
    undated: events.filter((e) => e.sortKey === null),
    nonPunishment: summary.nonPunishment,
    evidence: evidenceFor(new Set<Category>(summary.confirmed.flatMap((e) => e.categories))),
  };
}
