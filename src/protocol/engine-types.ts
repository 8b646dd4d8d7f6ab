import type { ProtocolState } from '../session/record';

/** What the interviewer did. Typed commands and card taps both become one of these. */
export type EngineInput =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'answer'; value: string }
  | { type: 'note'; text: string }
  | { type: 'mark'; indicator: string }
  | { type: 'unmark'; indicator: string }
  | { type: 'suggest'; indicators: string[]; noteId?: string }
  | { type: 'event'; when: string; text: string }
  | { type: 'why' }
  | { type: 'where' }
  | { type: 'summary' }
  | { type: 'pause' };

/** Progress through the protocol, for the progress line on every step card. */
export interface Progress {
  /** 1-based position among the steps that apply to this session so far. */
  n: number;
  m: number;
  section: string;
}

/**
 * What should happen as a result. Effects are data: dialogs render them with the turn's `t`.
 * `error` codes are keys under `errors:engine.<code>` in the locales.
 */
export type Effect =
  | { type: 'show-step'; stepId: string; progress: Progress }
  | { type: 'why'; stepId: string }
  | { type: 'where'; stepId: string | null; progress: Progress | null }
  | { type: 'note-saved'; noteId: string; stepId: string }
  | { type: 'event-saved'; eventId: string }
  | { type: 'marked'; indicator: string }
  | { type: 'unmarked'; indicator: string }
  | { type: 'suggested'; indicators: string[] }
  | { type: 'answer-saved'; stepId: string; value: string }
  | { type: 'gate-blocked'; stepId: string }
  | { type: 'show-summary' }
  | { type: 'paused' }
  | { type: 'finished' }
  | { type: 'error'; code: EngineErrorCode; params?: Record<string, string> };

export type EngineErrorCode =
  | 'unknown-indicator'
  | 'not-marked'
  | 'wrong-answer'
  | 'answer-required'
  | 'not-a-question'
  | 'cannot-skip-required'
  | 'nothing-before'
  | 'finished'
  | 'empty-note'
  | 'note-too-long'
  /** An event needs a when and a text, each within its length. */
  | 'bad-event'
  | 'version-mismatch';

export interface EngineResult {
  state: ProtocolState;
  effects: Effect[];
}

/** The clock is passed in so the engine stays pure and tests are repeatable. */
export type Clock = () => Date;
