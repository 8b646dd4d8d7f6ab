import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import { adaptiveCard, cardAttachment, submitAction, textBlock } from '../src/cards/card';
import { stepCard, whyCard } from './cards/step-card';
import type { Effect } from '../src/protocol/engine-types';
import type { Protocol, Step } from '../src/protocol/schema';
import type { SessionRecord } from '../src/session/record';

/** Renders the session summary; the summary module plugs its own in. */
export type RenderSummary = (record: SessionRecord, t: TFunction) => Partial<Activity>;

/** A short text with counts, until a fuller summary is plugged in. */
export const countsSummary: RenderSummary = (record, t) => {
  const s = record.state;
  const marked = Object.values(s.marks).filter((m) => m.status === 'confirmed').length;
  return {
    type: 'message',
    text: t('session:messages.summaryPlaceholder', {
      answers: Object.keys(s.answers).length, notes: s.notes.filter((n) => !n.deleted).length, marked, skipped: s.skipped.length,
    }),
  };
};

const say = (text: string): Partial<Activity> => ({ type: 'message', text });
const card = (content: Record<string, unknown>): Partial<Activity> => ({ type: 'message', attachments: [cardAttachment(content)] });
const visible = (p: Protocol, id: string | null): Exclude<Step, { kind: 'branch' }> | undefined => {
  const s = p.steps.find((x) => x.id === id);
  return s && s.kind !== 'branch' ? s : undefined;
};

/** Turns engine effects into activities, in the turn's language. */
export function renderEffects(effects: Effect[], protocol: Protocol, record: SessionRecord, t: TFunction, renderSummary: RenderSummary): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  const label = (id: string): string => t(`indicators:${id}.label`);
  for (const e of effects) {
    switch (e.type) {
      case 'show-step': {
        const step = visible(protocol, e.stepId);
        if (step) out.push(card(stepCard(protocol, step, record.state, e.progress, t)));
        if (step?.kind === 'summary') out.push(renderSummary(record, t));
        break;
      }
      case 'why': {
        const step = visible(protocol, e.stepId);
        if (step) out.push(card(whyCard(protocol, step, t)));
        break;
      }
      case 'where': {
        const step = visible(protocol, e.stepId);
        out.push(say(step && e.progress
          ? t('session:messages.where', { n: e.progress.n, m: e.progress.m, section: t(`protocol.${protocol.id}:sections.${e.progress.section}`), title: t(`protocol.${protocol.id}:steps.${step.id}.title`) })
          : t('session:messages.whereFinished')));
        break;
      }
      case 'note-saved': out.push(say(t('session:messages.noteSaved'))); break;
      case 'event-saved': out.push(say(t('session:messages.eventSaved'))); break;
      case 'marked': out.push(say(t('session:messages.marked', { label: label(e.indicator) }))); break;
      case 'unmarked': out.push(say(t('session:messages.unmarked', { label: label(e.indicator) }))); break;
      case 'suggested': out.push(card(suggestionCard(e.indicators, label, t))); break;
      case 'answer-saved': if (effects.length === 1) out.push(say(t('session:messages.answerSaved'))); break;
      case 'gate-blocked': out.push(say(t('session:messages.gateBlocked'))); break;
      case 'show-summary': out.push(renderSummary(record, t)); break;
      case 'paused': out.push(say(t('session:messages.paused'))); break;
      case 'finished': out.push(renderSummary(record, t), say(t('session:messages.finished'))); break;
      case 'error': out.push(say(t(`engine-errors:${e.code}`))); break;
    }
  }
  return out;
}

/** What a note may point to, each with a one-tap Mark button; nothing counts until it is tapped. */
function suggestionCard(ids: string[], label: (id: string) => string, t: TFunction): Record<string, unknown> {
  return adaptiveCard(
    [textBlock(t('session:messages.suggested', { labels: ids.map(label).join('; ') }))],
    ids.slice(0, 6).map((id) => submitAction(t('session:buttons.markSuggested', { label: label(id) }), { cmd: 'mark', arg: id })),
  );
}
