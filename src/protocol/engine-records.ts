import type { EngineResult } from './engine-types';
import type { ProtocolState } from '../session/record';

/** Longest note text the engine accepts, in characters. */
export const MAX_NOTE_CHARS = 4000;
const MAX_EVENT_WHEN = 100;
const MAX_EVENT_TEXT = 2000;

const fail = (state: ProtocolState, code: Parameters<typeof errorEffect>[0]): EngineResult => ({ state, effects: [errorEffect(code)] });
export const errorEffect = (code: import('./engine-types').EngineErrorCode) => ({ type: 'error' as const, code });

/** The step a note or mark belongs to: the current one, or the last shown once finished. */
const here = (s: ProtocolState): string => s.cursor ?? s.trail[s.trail.length - 1] ?? '';

export function addNote(state: ProtocolState, text: string, at: string): EngineResult {
  const clean = text.trim();
  if (!clean) return fail(state, 'empty-note');
  if (clean.length > MAX_NOTE_CHARS) return fail(state, 'note-too-long');
  const id = `n${state.seq + 1}`;
  const stepId = here(state);
  return {
    state: { ...state, seq: state.seq + 1, notes: [...state.notes, { id, stepId, text: clean, at }] },
    effects: [{ type: 'note-saved', noteId: id, stepId }],
  };
}

export function addEvent(state: ProtocolState, when: string, text: string, at: string): EngineResult {
  const w = when.trim();
  const x = text.trim();
  if (!w || !x || w.length > MAX_EVENT_WHEN || x.length > MAX_EVENT_TEXT) return fail(state, 'bad-event');
  const id = `e${state.seq + 1}`;
  return {
    state: { ...state, seq: state.seq + 1, timeline: [...(state.timeline ?? []), { id, when: w, text: x, at }] },
    effects: [{ type: 'event-saved', eventId: id }],
  };
}

export function mark(state: ProtocolState, indicator: string, known: ReadonlySet<string>, at: string): EngineResult {
  if (!known.has(indicator)) return fail(state, 'unknown-indicator');
  const prev = state.marks[indicator];
  if (prev?.status === 'confirmed') return { state, effects: [{ type: 'marked', indicator }] };
  const next = { status: 'confirmed' as const, stepId: here(state), at, ...(prev?.noteIds ? { noteIds: prev.noteIds } : {}) };
  return { state: { ...state, marks: { ...state.marks, [indicator]: next } }, effects: [{ type: 'marked', indicator }] };
}

/** Unmarking a confirmed or suggested indicator dismisses it, so later suggestions do not bring it back. */
export function unmark(state: ProtocolState, indicator: string, known: ReadonlySet<string>, at: string): EngineResult {
  if (!known.has(indicator)) return fail(state, 'unknown-indicator');
  const prev = state.marks[indicator];
  if (!prev || prev.status === 'dismissed') return fail(state, 'not-marked');
  const next = { ...prev, status: 'dismissed' as const, at };
  return { state: { ...state, marks: { ...state.marks, [indicator]: next } }, effects: [{ type: 'unmarked', indicator }] };
}

/**
 * Suggestions from reading the notes. Unknown ids are ignored (they come from an analyzer, not a
 * person); a confirmed or dismissed indicator is never touched; a repeated suggestion gains the note.
 */
export function suggest(state: ProtocolState, indicators: string[], known: ReadonlySet<string>, at: string, noteId?: string): EngineResult {
  const marks = { ...state.marks };
  const added: string[] = [];
  for (const id of new Set(indicators)) {
    if (!known.has(id)) continue;
    const prev = marks[id];
    if (prev && prev.status !== 'suggested') continue;
    const noteIds = [...new Set([...(prev?.noteIds ?? []), ...(noteId ? [noteId] : [])])];
    marks[id] = { status: 'suggested', stepId: prev?.stepId ?? here(state), at: prev?.at ?? at, ...(noteIds.length ? { noteIds } : {}) };
    if (!prev) added.push(id);
  }
  return { state: { ...state, marks }, effects: added.length ? [{ type: 'suggested', indicators: added }] : [] };
}
