import type { CardSubmit } from '../bot/card-submit';

/**
 * The pure Adaptive Card helpers, copied from `dialogs/cards/card.ts` so this layer (below dialogs)
 * does not import upwards. Cards are plain JSON.
 */
export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): CardElement {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export function submitAction(title: string, data: Omit<CardSubmit, 'faro'>, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Submit', title, data: { faro: 1, ...data }, ...(style ? { style } : {}) };
}

export function textBlock(text: string, opts: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...opts };
}
