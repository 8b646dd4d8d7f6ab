import type { CardSubmit } from '../bot/card-submit';

/** The highest Adaptive Card version Teams renders. */
export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;

/** An Adaptive Card 1.5 with the given body and actions. */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): CardElement {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** A button that sends a Faro command back as a card submit. */
export function submitAction(title: string, data: Omit<CardSubmit, 'faro'>, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Submit', title, data: { faro: 1, ...data }, ...(style ? { style } : {}) };
}

export function textBlock(text: string, opts: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...opts };
}

/** The attachment shape botbuilder expects, without importing botbuilder here. */
export function cardAttachment(card: CardElement): { contentType: string; content: CardElement } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/**
 * Buttons side by side (a row of one-button action sets), so secondary actions take one line instead
 * of one line each; Teams and Web Chat both render it.
 */
export function buttonRow(actions: CardElement[], spacing: 'None' | 'Small' | 'Medium' = 'Small'): CardElement {
  return {
    type: 'ColumnSet',
    spacing,
    columns: actions.map((a) => ({ type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [a] }] })),
  };
}
