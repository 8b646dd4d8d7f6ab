import type { TFunction } from 'i18next';
import { elementOf, type Element, type IndicatorCatalogue } from '../../src/protocol/schema';
import type { QualityFlag } from '../../src/review/quality-flags';
import type { SessionRecord } from '../../src/session/record';
import { adaptiveCard, submitAction, textBlock, type CardElement } from '../../src/cards/card';

/** Renders the body of a session's summary for the review card. Injectable: a fuller summary can replace it. */
export type SummaryRenderer = (record: SessionRecord, t: TFunction) => CardElement[];

export const shortDate = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

const ELEMENTS: readonly Element[] = ['act', 'means', 'purpose', 'scenario', 'vulnerability'];

/**
 * A plain summary: confirmed and suggested indicators counted by element, the consent recorded, and
 * the reminder that indicators are not a legal determination.
 */
export function simpleSummary(catalogue: IndicatorCatalogue): SummaryRenderer {
  const elementsOf = new Map(catalogue.indicators.map((i) => [i.id, new Set(i.categories.map(elementOf))] as const));
  return (record, t) => {
    const counts = new Map<Element, { confirmed: number; suggested: number }>();
    for (const [id, mark] of Object.entries(record.state.marks)) {
      if (mark.status === 'dismissed') continue;
      for (const el of elementsOf.get(id) ?? []) {
        const c = counts.get(el) ?? { confirmed: 0, suggested: 0 };
        c[mark.status] += 1;
        counts.set(el, c);
      }
    }
    const lines = ELEMENTS.filter((el) => counts.has(el)).map((el) => {
      const c = counts.get(el)!;
      return textBlock(t('review:summary.element', { element: t(`review:summary.elements.${el}`), confirmed: c.confirmed, suggested: c.suggested }), { spacing: 'None' });
    });
    const consent = Object.entries(record.state.consent).map(([item, c]) =>
      textBlock(t('review:summary.consent-item', { item, value: t(`review:summary.values.${c.value}`, { defaultValue: c.value }), at: shortDate(c.at) }), { spacing: 'None' }),
    );
    return [
      textBlock(t('review:summary.indicators'), { weight: 'Bolder', spacing: 'Medium' }),
      ...(lines.length ? lines : [textBlock(t('review:summary.no-indicators'), { isSubtle: true, spacing: 'None' })]),
      textBlock(t('review:summary.consent'), { weight: 'Bolder', spacing: 'Medium' }),
      ...(consent.length ? consent : [textBlock(t('review:summary.no-consent'), { isSubtle: true, spacing: 'None' })]),
      textBlock(t('review:summary.disclaimer'), { isSubtle: true, size: 'Small' }),
    ];
  };
}

export interface ReviewCardInput {
  record: SessionRecord;
  flags: QualityFlag[];
  /** The notes are shown only when asked for; the ask is an audited read of its own. */
  showNotes: boolean;
  /** Whether the viewer may comment, request changes and sign off (a supervisor, not the author). */
  canReview: boolean;
  renderSummary: SummaryRenderer;
}

function notesSection(t: TFunction, record: SessionRecord, show: boolean): CardElement[] {
  const notes = record.state.notes.filter((n) => !n.deleted);
  if (!show) {
    if (!notes.length) return [textBlock(t('review:notes.none'), { isSubtle: true, spacing: 'Medium' })];
    return [
      textBlock(t('review:notes.hidden', { count: notes.length }), { isSubtle: true, spacing: 'Medium' }),
      { type: 'ActionSet', actions: [submitAction(t('review:notes.show'), { cmd: 'open', arg: `${record.id} notes` })] },
    ];
  }
  const step = (id: string): string => t(`protocol.${record.state.protocolId}:steps.${id}.title`, { defaultValue: id });
  return [
    textBlock(t('review:notes.title'), { weight: 'Bolder', spacing: 'Medium' }),
    ...(notes.length
      ? notes.map((n) => textBlock(t('review:notes.item', { at: shortDate(n.at), step: step(n.stepId), text: n.text }), { spacing: 'None' }))
      : [textBlock(t('review:notes.none'), { isSubtle: true })]),
  ];
}

function reviewActions(t: TFunction, id: string): CardElement[] {
  const withText = (cmd: 'comment' | 'request-changes'): CardElement => ({
    type: 'Action.ShowCard',
    title: t(`review:actions.${cmd}`),
    card: adaptiveCard(
      [{ type: 'Input.Text', id: 'text', isMultiline: true, maxLength: 4000, placeholder: t(`review:actions.${cmd}-placeholder`) }],
      [submitAction(t('review:actions.send'), { cmd, arg: id })],
    ),
  });
  return [withText('comment'), withText('request-changes'), submitAction(t('review:actions.sign-off'), { cmd: 'sign-off', arg: id }, 'positive')];
}

/** One session as a supervisor (or its author) sees it in review. */
export function reviewCard(t: TFunction, input: ReviewCardInput): CardElement {
  const { record } = input;
  const history = (record.review ?? []).map((e) =>
    textBlock(t(e.text ? 'review:history.item-text' : 'review:history.item', { at: shortDate(e.at), by: e.by, action: t(`review:history.actions.${e.action}`), text: e.text }), { spacing: 'None' }),
  );
  const body: CardElement[] = [
    textBlock(t('review:card.title', { title: t(`protocol.${record.state.protocolId}:title`, { defaultValue: record.state.protocolId }) }), { weight: 'Bolder', size: 'Medium' }),
    textBlock(t('review:card.meta', { author: record.author.id, office: record.office, created: shortDate(record.createdAt), updated: shortDate(record.updatedAt) }), { isSubtle: true, spacing: 'None' }),
    textBlock(t('review:card.state', { state: t(`review:states.${record.status}`) }), { spacing: 'None' }),
    ...input.renderSummary(record, t),
    textBlock(t('review:flags.title'), { weight: 'Bolder', spacing: 'Medium' }),
    ...(input.flags.length
      ? input.flags.map((f) => textBlock(`• ${t(`review:flags.${f.id}`)}`, { spacing: 'None', color: 'Attention' }))
      : [textBlock(t('review:flags.none'), { isSubtle: true, spacing: 'None' })]),
    ...notesSection(t, record, input.showNotes),
    ...(history.length ? [textBlock(t('review:history.title'), { weight: 'Bolder', spacing: 'Medium' }), ...history] : []),
  ];
  const actions = [
    ...(input.canReview ? reviewActions(t, record.id) : []),
    submitAction(t('review:actions.erase'), { cmd: 'erase', arg: record.id }, 'destructive'),
  ];
  return adaptiveCard(body, actions);
}
