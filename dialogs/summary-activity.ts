import type { Content } from '../src/protocol/content';
import { sessionViews } from '../src/summary/views';
import { cardAttachment } from '../src/cards/card';
import type { RenderSummary } from './render-effects';

/**
 * The protocol dialog's summary: the first page of the session summary (or, for a life-story intake,
 * of the intake document) as an Adaptive Card; its buttons page through the rest.
 */
export function summaryActivity(content: Content): RenderSummary {
  return (record, t) => {
    const view = sessionViews(record, content, t);
    if (!view.ok || !view.cards[0]) return { type: 'message', text: t('session:messages.protocolGone') };
    return { type: 'message', attachments: [cardAttachment(view.cards[0])] };
  };
}
