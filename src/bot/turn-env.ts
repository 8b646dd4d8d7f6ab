import type { TFunction } from 'i18next';
import type { Locale } from '../i18n';
import type { User } from '../review/roles';

/**
 * What the bot resolved for this turn, handed down to dialogs through `context.turnState`:
 * who is speaking, in which language, with the turn's fixed `t`.
 */
export interface TurnEnv {
  user: User;
  locale: Locale;
  t: TFunction;
  /** Teams conversation type, when known: interview content is shown only in `personal`. */
  conversationType?: string;
  /** The session open in this conversation's protocol dialog, if any. */
  sessionId?: string;
}

export const TURN_ENV = Symbol('faro.turnEnv');
