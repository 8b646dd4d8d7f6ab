import type { Note, SessionRecord } from './record';

/**
 * Note operations on a session record. Pure: each returns a new record and never mutates its input.
 *
 * History model: `history` is the list of versions. The first change adds a `created` entry holding
 * the original text; each correction adds a `corrected` entry holding the new text, so a correction
 * never loses the original and a supervisor can see every version.
 *
 * Deletion is erasure: a person may ask for what they said to be removed, so on delete the text goes
 * everywhere: the note's `text` becomes '' and every earlier history entry loses its text. What stays
 * is that a note existed and was deleted (`{ action: 'deleted', at, by }`, with no text), so the
 * record shows a gap honestly instead of silently.
 */
export type NoteError = 'not-found' | 'not-author' | 'already-deleted' | 'empty';
export type NoteResult = { ok: true; record: SessionRecord } | { ok: false; error: NoteError };

/** Notes still in force, in the order they were written. */
export function listNotes(record: SessionRecord): Note[] {
  return record.state.notes.filter((n) => !n.deleted);
}

/** Who wrote a note: the `created` entry when present, else the session author. */
export function noteAuthor(record: SessionRecord, note: Note): string {
  return note.history?.find((h) => h.action === 'created')?.by ?? record.author.id;
}

function withNote(record: SessionRecord, note: Note, now: Date): SessionRecord {
  return {
    ...record,
    updatedAt: now.toISOString(),
    state: { ...record.state, notes: record.state.notes.map((n) => (n.id === note.id ? note : n)) },
  };
}

function find(record: SessionRecord, noteId: string, by: string): { ok: true; note: Note } | { ok: false; error: NoteError } {
  const note = record.state.notes.find((n) => n.id === noteId);
  if (!note) return { ok: false, error: 'not-found' };
  if (note.deleted) return { ok: false, error: 'already-deleted' };
  if (noteAuthor(record, note) !== by) return { ok: false, error: 'not-author' };
  return { ok: true, note };
}

const baseHistory = (record: SessionRecord, note: Note): NonNullable<Note['history']> =>
  note.history?.length ? note.history : [{ action: 'created', text: note.text, at: note.at, by: noteAuthor(record, note) }];

/** Replaces a note's text; only its author may. The original and every earlier version stay in `history`. */
export function correctNote(record: SessionRecord, noteId: string, text: string, by: string, now: Date): NoteResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'empty' };
  const found = find(record, noteId, by);
  if (!found.ok) return found;
  const { note } = found;
  const history = [...baseHistory(record, note), { action: 'corrected' as const, text: trimmed, at: now.toISOString(), by }];
  return { ok: true, record: withNote(record, { ...note, text: trimmed, history }, now) };
}

/** Deletes a note for good: its text and every earlier version are erased; the deletion is recorded. */
export function deleteNote(record: SessionRecord, noteId: string, by: string, now: Date): NoteResult {
  const found = find(record, noteId, by);
  if (!found.ok) return found;
  const { note } = found;
  const erased = baseHistory(record, note).map(({ text: _text, ...rest }) => rest);
  const history = [...erased, { action: 'deleted' as const, at: now.toISOString(), by }];
  return { ok: true, record: withNote(record, { ...note, text: '', deleted: true, history }, now) };
}
