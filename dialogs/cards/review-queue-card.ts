import type { TFunction } from 'i18next';
import { SESSION_STATUSES, type SessionStatus } from '../../src/session/record';
import type { QueueItem } from '../../src/review/review-service';
import { adaptiveCard, submitAction, textBlock, type CardElement } from '../../src/cards/card';
import { shortDate } from './review-card';

export interface QueueView {
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  states: SessionStatus[];
}

/** `review` argument for a state filter and a page: `submitted,changes-requested 2`. */
export const queueArg = (states: readonly SessionStatus[], page: number): string => `${states.join(',')} ${page}`;

/** The review queue: one line and an Open button per session, page buttons, state filter buttons. */
export function reviewQueueCard(t: TFunction, view: QueueView): CardElement {
  const items = view.items.flatMap((it): CardElement[] => [
    textBlock(t('review:queue.item', {
      title: t(`protocol.${it.protocolId}:title`, { defaultValue: it.protocolId }), author: it.authorId,
      date: shortDate(it.updatedAt), state: t(`review:states.${it.status}`), flags: it.flagCount,
    }), { spacing: 'Medium' }),
    { type: 'ActionSet', spacing: 'None', actions: [submitAction(t('review:queue.open'), { cmd: 'open', arg: it.id })] },
  ]);
  const paging = [
    ...(view.page > 1 ? [submitAction(t('review:queue.prev'), { cmd: 'review', arg: queueArg(view.states, view.page - 1) })] : []),
    ...(view.page < view.pages ? [submitAction(t('review:queue.next'), { cmd: 'review', arg: queueArg(view.states, view.page + 1) })] : []),
  ];
  return adaptiveCard([
    textBlock(t('review:queue.title', { states: view.states.map((s) => t(`review:states.${s}`)).join(', ') }), { weight: 'Bolder', size: 'Medium' }),
    textBlock(t('review:queue.count', { total: view.total, page: view.page, pages: view.pages }), { isSubtle: true, spacing: 'None' }),
    ...(items.length ? items : [textBlock(t('review:queue.empty'), { isSubtle: true })]),
    ...(paging.length ? [{ type: 'ActionSet', actions: paging }] : []),
    textBlock(t('review:queue.filter'), { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'ActionSet', actions: SESSION_STATUSES.map((s) => submitAction(t(`review:states.${s}`), { cmd: 'review', arg: queueArg([s], 1) })) },
  ]);
}
