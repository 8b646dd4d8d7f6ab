import { SessionRecord } from '../../src/session/record';
import { correctNote, deleteNote, listNotes } from '../../src/session/notes';
import { courierInterview } from '../summary/cases';

const now = new Date('2026-03-03T10:00:00Z');

describe('notes', () => {
  it('lists only the notes not deleted, in the order written', () => {
    expect(listNotes(courierInterview()).map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
  });

  it('lets the author correct a note and keeps the original in its history', () => {
    const record = courierInterview();
    const res = correctNote(record, 'n2', '  Le prometieron limpieza en Madrid. ', 'u-ana', now);
    if (!res.ok) throw new Error(res.error);
    const note = res.record.state.notes.find((n) => n.id === 'n2')!;
    expect(note.text).toBe('Le prometieron limpieza en Madrid.');
    expect(note.history).toEqual([
      { action: 'created', text: 'Le dijeron que era un trabajo de limpieza en Madrid.', at: note.at, by: 'u-ana' },
      { action: 'corrected', text: 'Le prometieron limpieza en Madrid.', at: now.toISOString(), by: 'u-ana' },
    ]);
    expect(res.record.updatedAt).toBe(now.toISOString());
    expect(() => SessionRecord.parse(res.record)).not.toThrow();
    // the input record is untouched
    expect(record.state.notes.find((n) => n.id === 'n2')!.text).toBe('Le dijeron que era un trabajo de limpieza en Madrid.');
  });

  it('keeps every version across two corrections', () => {
    const first = correctNote(courierInterview(), 'n1', 'v2', 'u-ana', now);
    if (!first.ok) throw new Error(first.error);
    const second = correctNote(first.record, 'n1', 'v3', 'u-ana', new Date('2026-03-03T11:00:00Z'));
    if (!second.ok) throw new Error(second.error);
    expect(second.record.state.notes.find((n) => n.id === 'n1')!.history!.map((h) => [h.action, h.text]))
      .toEqual([['created', 'Llevaba cápsulas en el estómago; tenía dolor.'], ['corrected', 'v2'], ['corrected', 'v3']]);
  });

  it('refuses a correction by someone else, an empty one, an unknown note and a deleted note', () => {
    const r = courierInterview();
    expect(correctNote(r, 'n1', 'x', 'u-other', now)).toEqual({ ok: false, error: 'not-author' });
    expect(correctNote(r, 'n1', '   ', 'u-ana', now)).toEqual({ ok: false, error: 'empty' });
    expect(correctNote(r, 'n9', 'x', 'u-ana', now)).toEqual({ ok: false, error: 'not-found' });
    expect(correctNote(r, 'n4', 'x', 'u-ana', now)).toEqual({ ok: false, error: 'already-deleted' });
  });

  it('erases the text of a deleted note, including earlier versions, and records who deleted it and when', () => {
    const corrected = correctNote(courierInterview(), 'n2', 'second version', 'u-ana', now);
    if (!corrected.ok) throw new Error(corrected.error);
    const res = deleteNote(corrected.record, 'n2', 'u-ana', new Date('2026-03-04T08:00:00Z'));
    if (!res.ok) throw new Error(res.error);
    const note = res.record.state.notes.find((n) => n.id === 'n2')!;
    expect(note).toMatchObject({ text: '', deleted: true });
    expect(note.history!.every((h) => h.text === undefined)).toBe(true);
    expect(note.history!.at(-1)).toEqual({ action: 'deleted', at: '2026-03-04T08:00:00.000Z', by: 'u-ana' });
    expect(JSON.stringify(res.record)).not.toContain('limpieza');
    expect(listNotes(res.record).map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(deleteNote(res.record, 'n2', 'u-ana', now)).toEqual({ ok: false, error: 'already-deleted' });
    expect(deleteNote(res.record, 'n1', 'u-other', now)).toEqual({ ok: false, error: 'not-author' });
  });
});
