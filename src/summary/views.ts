import type { Content } from '../protocol/content';
import type { SessionRecord } from '../session/record';
import type { CardElement } from '../cards/card';
import type { Translate } from './doc';
import { toExport, type SessionExport } from './export';
import { buildIntake } from './intake';
import { renderIntakeCards, renderIntakeHtml, renderIntakeMarkdown } from './intake-doc';
import { renderSummaryCards } from './render-card';
import { renderSummaryHtml } from './render-html';
import { renderSummaryMarkdown } from './render-markdown';
import { buildSummary } from './summary';

/** The protocol whose output is the defender's intake document rather than the plain summary. */
export const INTAKE_PROTOCOL = 'life-story';

export type View = { ok: true; cards: CardElement[]; html: string; markdown: string } | { ok: false; error: 'protocol-gone' };

/**
 * Every rendering of a session, in one language: the card pages, the printable HTML and the Markdown.
 * A life-story session renders as the intake document; any other as the session summary. Pure.
 */
export function sessionViews(record: SessionRecord, content: Content, t: Translate): View {
  const protocol = content.protocols.get(record.state.protocolId);
  if (!protocol) return { ok: false, error: 'protocol-gone' };
  if (protocol.id === INTAKE_PROTOCOL) {
    const intake = buildIntake(record, protocol, content.catalogue);
    return { ok: true, cards: renderIntakeCards(intake, t), html: renderIntakeHtml(intake, t), markdown: renderIntakeMarkdown(intake, t) };
  }
  const summary = buildSummary(record, protocol, content.catalogue);
  return { ok: true, cards: renderSummaryCards(summary, t), html: renderSummaryHtml(summary, t), markdown: renderSummaryMarkdown(summary, t) };
}

/** The JSON export of a session (already redacted by the caller when it must be). */
export function sessionExport(record: SessionRecord, content: Content, t: Translate, redacted: boolean): SessionExport | undefined {
  const protocol = content.protocols.get(record.state.protocolId);
  return protocol ? toExport(record, protocol, content.catalogue, { t, redacted }) : undefined;
}

/**
 * A copy of the record with every free text (notes and their history, text answers, timeline,
 * review comments) passed through `redact`. Ids, codes and choice answers are left alone.
 */
export async function redactRecord(record: SessionRecord, redact: (text: string) => Promise<string>, isFreeText: (stepId: string) => boolean): Promise<SessionRecord> {
  const s = record.state;
  const notes = await Promise.all(s.notes.map(async (n) => ({
    ...n,
    text: n.text ? await redact(n.text) : n.text,
    ...(n.history ? { history: await Promise.all(n.history.map(async (h) => (h.text ? { ...h, text: await redact(h.text) } : h))) } : {}),
  })));
  const answers = Object.fromEntries(await Promise.all(Object.entries(s.answers).map(async ([id, a]) => [id, isFreeText(id) ? { ...a, value: await redact(a.value) } : a] as const)));
  const timeline = s.timeline ? await Promise.all(s.timeline.map(async (e) => ({ ...e, text: await redact(e.text), when: await redact(e.when) }))) : undefined;
  const review = record.review ? await Promise.all(record.review.map(async (r) => (r.text ? { ...r, text: await redact(r.text) } : r))) : undefined;
  return { ...record, state: { ...s, notes, answers, ...(timeline ? { timeline } : {}) }, ...(review ? { review } : {}) };
}
