import { z } from 'zod';
import { Category, Strength, type IndicatorCatalogue, type Protocol } from '../protocol/schema';
import { IsoTime, SessionStatus, type SessionRecord } from '../session/record';
import type { Translate } from './doc';
import { readNonPunishment } from './non-punishment';
import { NP_STATUSES } from './summary-types';

/**
 * The JSON export of a session: versioned, self-describing, validated by its own schema. The JSON
 * Schema is published at `docs/schemas/session-export-1.0.0.json` (written by
 * `scripts/write-export-schema.ts`). A change to this shape is a new `exportVersion`.
 */
export const EXPORT_VERSION = '1.0.0';
export const STATEMENT_CODE = 'indicative-not-legal-determination';

const NpReadingValue = z.enum(['supports', 'missing', 'against']);
const NpStep = z.object({ stepId: z.string(), reading: NpReadingValue, answer: z.string().nullable() }).strict();

export const SessionExport = z.object({
  exportVersion: z.literal(EXPORT_VERSION),
  sessionId: z.string(),
  kind: z.enum(['officer', 'defender']),
  protocol: z.object({ id: z.string(), version: z.string() }).strict(),
  catalogueVersion: z.string(),
  locale: z.string(),
  status: SessionStatus,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** The reading is indicative: always true, and the statement says so in the reader's language. */
  indicative: z.literal(true),
  /** True when personal data in free text was replaced by its category before export. */
  redacted: z.boolean(),
  statement: z.object({ code: z.literal(STATEMENT_CODE), text: z.string().optional() }).strict(),
  indicators: z.array(z.object({
    id: z.string(),
    categories: z.array(Category),
    strength: Strength.nullable(),
    status: z.enum(['confirmed', 'suggested', 'dismissed']),
    stepId: z.string(),
    at: IsoTime,
    supportingNoteIds: z.array(z.string()),
  }).strict()),
  notes: z.array(z.object({
    id: z.string(),
    stepId: z.string(),
    text: z.string(),
    at: IsoTime,
    deleted: z.boolean(),
    history: z.array(z.object({
      action: z.enum(['created', 'corrected', 'deleted']), text: z.string().optional(), at: IsoTime, by: z.string(),
    }).strict()),
  }).strict()),
  answers: z.array(z.object({ stepId: z.string(), value: z.string(), at: IsoTime }).strict()),
  consent: z.array(z.object({ item: z.string(), value: z.string(), at: IsoTime, stepId: z.string() }).strict()),
  timeline: z.array(z.object({ id: z.string(), when: z.string(), text: z.string(), at: IsoTime }).strict()),
  nonPunishment: z.object({
    status: z.enum(NP_STATUSES),
    victim: NpStep.nullable(),
    link: NpStep.nullable(),
    criteria: z.array(NpStep.extend({
      supportingIndicatorIds: z.array(z.string()),
      openIndicatorIds: z.array(z.string()),
      noteIds: z.array(z.string()),
    }).strict()),
  }).strict().nullable(),
}).strict();
export type SessionExport = z.infer<typeof SessionExport>;

export interface ExportOptions {
  /** Applied to every free-text field (notes and their history, text answers, timeline) when given. */
  redact?: (text: string) => string;
  /** The reader's `t`, for the statement's text in their language. */
  t?: Translate;
  /** Set when the record was redacted before export (otherwise: whether `redact` is given). */
  redacted?: boolean;
}

/** Builds the export of a session. Pure; the result always passes `SessionExport`. */
export function toExport(record: SessionRecord, protocol: Protocol, catalogue: IndicatorCatalogue, opts: ExportOptions = {}): SessionExport {
  const redact = opts.redact ?? ((s: string) => s);
  const { state } = record;
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const live = state.notes.filter((n) => !n.deleted);
  // Free text is what a person typed: text answers, and answers to steps this protocol version does not know.
  const freeText = (stepId: string): boolean => {
    const step = protocol.steps.find((s) => s.id === stepId);
    return !step || (step.kind === 'question' && step.answer.type === 'text');
  };
  const out: SessionExport = {
    exportVersion: EXPORT_VERSION,
    sessionId: record.id,
    kind: record.kind,
    protocol: { id: state.protocolId, version: state.protocolVersion },
    catalogueVersion: catalogue.version,
    locale: record.locale,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    indicative: true,
    redacted: opts.redacted ?? Boolean(opts.redact),
    statement: { code: STATEMENT_CODE, ...(opts.t ? { text: opts.t('summary:statement') } : {}) },
    indicators: Object.entries(state.marks)
      .sort(([a, ma], [b, mb]) => ma.at.localeCompare(mb.at) || a.localeCompare(b))
      .map(([id, m]) => ({
        id,
        categories: [...(byId.get(id)?.categories ?? [])],
        strength: byId.get(id)?.strength ?? null,
        status: m.status,
        stepId: m.stepId,
        at: m.at,
        supportingNoteIds: [...new Set([...(m.noteIds ?? []), ...live.filter((n) => n.stepId === m.stepId).map((n) => n.id)])]
          .filter((nid) => live.some((n) => n.id === nid)),
      })),
    notes: state.notes.map((n) => ({
      id: n.id, stepId: n.stepId, text: redact(n.text), at: n.at, deleted: n.deleted ?? false,
      history: (n.history ?? []).map((h) => ({ ...h, ...(h.text !== undefined ? { text: redact(h.text) } : {}) })),
    })),
    answers: Object.entries(state.answers).map(([stepId, a]) => ({ stepId, value: freeText(stepId) ? redact(a.value) : a.value, at: a.at })),
    consent: Object.entries(state.consent).map(([item, c]) => ({ item, value: c.value, at: c.at, stepId: c.stepId })),
    timeline: (state.timeline ?? []).map((e) => ({ id: e.id, when: redact(e.when), text: redact(e.text), at: e.at })),
    nonPunishment: readNonPunishment(protocol, state),
  };
  return SessionExport.parse(out);
}

/** Reads an export back, e.g. from a file; a damaged or foreign file is an error value, never half-used. */
export function parseExport(json: string): { ok: true; value: SessionExport } | { ok: false; error: 'invalid-json' | 'invalid-export' } {
  let raw: unknown;
  try { raw = JSON.parse(json); } catch { return { ok: false, error: 'invalid-json' }; }
  const parsed = SessionExport.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid-export' };
}
