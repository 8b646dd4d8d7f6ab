import { CATEGORIES, elementOf, type Category, type IndicatorCatalogue, type Indicator, type Protocol } from '../protocol/schema';
import type { Mark, SessionRecord } from '../session/record';
import { holds } from '../protocol/conditions';
import { evidenceFor } from './evidence';
import { nextSteps } from './next-steps';
import { readNonPunishment } from './non-punishment';
import {
  ELEMENTS, type ElementGroup, type IndicatorEntry, type SessionSummary, type SummaryNote, type UncoveredTopic,
} from './summary-types';

/**
 * Builds the session summary from the record alone: pure, no clock, no words. The same record gives
 * the same summary whatever the reader's language; language enters only in the renderers.
 */
export function buildSummary(record: SessionRecord, protocol: Protocol, catalogue: IndicatorCatalogue): SessionSummary {
  const { state } = record;
  const byId = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.id, i]));
  const notes: SummaryNote[] = state.notes
    .filter((n) => !n.deleted)
    .map((n) => ({ id: n.id, stepId: n.stepId, text: n.text, at: n.at }));
  const live = new Set(notes.map((n) => n.id));

  const entry = (id: string, mark: Mark, status: IndicatorEntry['status']): IndicatorEntry => {
    const ind = byId.get(id);
    const linked = (mark.noteIds ?? []).filter((n) => live.has(n));
    const onStep = notes.filter((n) => n.stepId === mark.stepId).map((n) => n.id);
    return {
      id, status, stepId: mark.stepId, at: mark.at,
      categories: ind ? [...ind.categories] : [],
      strength: ind?.strength ?? null,
      noteIds: [...new Set([...linked, ...onStep])],
    };
  };
  // Marks in the order they were made (ties by id) so every rendering lists them the same way.
  const marks = Object.entries(state.marks).sort(([a, ma], [b, mb]) => ma.at.localeCompare(mb.at) || a.localeCompare(b));
  const confirmed = marks.filter(([, m]) => m.status === 'confirmed').map(([id, m]) => entry(id, m, 'confirmed'));
  const suggested = marks.filter(([, m]) => m.status === 'suggested').map(([id, m]) => entry(id, m, 'suggested'));

  const uncovered = uncoveredTopics(record, protocol);
  const nonPunishment = readNonPunishment(protocol, state);
  const found = new Set<Category>(confirmed.flatMap((e) => e.categories));
  const evidence = record.kind === 'defender' ? evidenceFor(found) : [];

  return {
    sessionId: record.id,
    kind: record.kind,
    sessionStatus: record.status,
    protocolId: state.protocolId,
    protocolVersion: state.protocolVersion,
    catalogueVersion: catalogue.version,
    locale: record.locale,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    indicative: true,
    confirmed,
    groups: groupByElement(confirmed),
    suggested,
    uncovered,
    consent: Object.entries(state.consent)
      .map(([item, c]) => ({ item, value: c.value, at: c.at, stepId: c.stepId }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.item.localeCompare(b.item)),
    nonPunishment,
    nextSteps: nextSteps({ record, protocol, confirmed, suggested, uncovered, nonPunishment, hasEvidence: evidence.length > 0 }),
    evidence,
    notes,
  };
}

/**
 * Confirmed indicators by element, then by category in catalogue order; an indicator appears under each
 * of its categories.
 */
export function groupByElement(confirmed: IndicatorEntry[]): ElementGroup[] {
  const groups: ElementGroup[] = [];
  for (const element of ELEMENTS) {
    const byCat = new Map<Category, string[]>();
    for (const e of confirmed) {
      for (const c of e.categories) {
        if (elementOf(c) !== element) continue;
        const list = byCat.get(c) ?? [];
        if (!list.includes(e.id)) list.push(e.id);
        byCat.set(c, list);
      }
    }
    const ordered = [...byCat].sort(([a], [b]) => CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b));
    if (ordered.length) groups.push({ element, categories: ordered.map(([category, indicatorIds]) => ({ category, indicatorIds })) });
  }
  return groups;
}

/**
 * Topic probes (steps tagged `topic`) not covered: skipped ones, and ones that apply to this session
 * (their `when` holds) but were never shown or answered.
 */
export function uncoveredTopics(record: SessionRecord, protocol: Protocol): UncoveredTopic[] {
  const { state } = record;
  const shown = new Set(state.trail);
  const skipped = new Set(state.skipped);
  const out: UncoveredTopic[] = [];
  for (const step of protocol.steps) {
    if (step.kind === 'branch' || !step.tags?.includes('topic')) continue;
    if (skipped.has(step.id) && !state.answers[step.id]) out.push({ stepId: step.id, section: step.section, reason: 'skipped' });
    else if (!shown.has(step.id) && !state.answers[step.id] && (!step.when || holds(step.when, state))) {
      out.push({ stepId: step.id, section: step.section, reason: 'not-reached' });
    }
  }
  return out;
}
