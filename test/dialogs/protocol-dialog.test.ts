import type { Activity } from 'botbuilder';
import type { Locale } from '../../src/i18n';
import type { SessionStore } from '../../src/storage/session-store';
import { memorySessionStore } from '../fakes/memory-session-store';
import { FIXTURE_ROOT, FIXTURE_SEEDS } from '../protocol/fixtures/walk';
import { harness, stepOf, testUser, textsOf } from './dialog-harness';

const officer = testUser('officer');
const submit = (cmd: string, extra: Record<string, unknown> = {}) => ({ faro: 1, cmd, ...extra });
const steps = (replies: Partial<Activity>[]) => replies.map(stepOf).filter(Boolean);
const texts = (replies: Partial<Activity>[]) => replies.flatMap(textsOf);

/** The translation of a key, checked to be a real sentence and not the key echoed back. */
function said(h: ReturnType<typeof setup>, locale: Locale, key: string): string {
  const text = h.t(locale)(key);
  expect(text).not.toContain(key.split(':')[1]!);
  return text;
}

function setup(store?: SessionStore) {
  return harness({ contentRoot: FIXTURE_ROOT, seedsDir: FIXTURE_SEEDS, store });
}

describe('the protocol dialog', () => {
  it('walks the fixture protocol to the end with taps and typing, then completes the session', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'en');
    const c = h.conversation(officer, 'en');
    expect(steps(await c.begin(id))).toEqual(['welcome']);
    expect(steps(await c.submit(submit('next')))).toEqual(['consent-interview']);
    expect(steps(await c.submit(submit('yes')))).toEqual(['legal-status']);
    expect(steps(await c.say('1'))).toEqual(['open-account']);
    expect(texts(await c.submit(submit('note', { text: 'Spoke of a broker in 2019.' })))).toEqual(['Note saved.']);
    expect(steps(await c.say('next'))).toEqual(['signs']);
    expect(texts(await c.submit(submit('mark', { arg: 'debt-owed' })))).toEqual(['Marked: A debt that grows.']);
    expect(steps(await c.submit(submit('next')))).toEqual(['debt-detail']);
    const close = await c.say('Owes for the journey and the room.');
    expect(steps(close)).toEqual(['close']);
    expect(texts(close).join(' ')).toContain('So far: 3 answers, 1 notes, 1 indicators marked, 0 steps skipped.');
    const end = await c.submit(submit('next'));
    expect(texts(end)).toContain('The protocol is complete. Your notes and marks are saved.');
    expect(c.results).toEqual([{ status: 'completed', sessionId: id }]);
    const rec = (await h.store.load(id))!.record;
    expect(rec.status).toBe('completed');
    expect(rec.state.answers['debt-detail']?.value).toBe('Owes for the journey and the room.');
    expect(rec.state.consent.interview?.value).toBe('yes');
  });

  it('pauses, then resumes in a new conversation with a new dialog, notes and marks intact', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'es');
    const c = h.conversation(officer, 'es');
    await c.begin(id);
    await c.say('siguiente');
    await c.say('sí');
    await c.submit(submit('answer', { arg: 'detained' }));
    await c.say('nota Se le leyeron sus derechos.');
    await c.submit(submit('mark', { arg: 'kept-documents' }));
    const paused = await c.say('pausar');
    expect(texts(paused)).toEqual([h.t('es')('session:messages.paused')]);
    expect(c.results).toEqual([{ status: 'paused', sessionId: id }]);
    expect((await h.store.load(id))!.record.status).toBe('paused');

    const later = h.conversation(officer, 'pt');
    const shown = await later.begin(id);
    expect(steps(shown)).toEqual(['safeguards']);
    expect(texts(shown)).toContain('Passo 4 de 7 · Abertura');
    const rec = (await h.store.load(id))!.record;
    expect(rec.status).toBe('in-progress');
    expect(rec.state.notes.map((n) => [n.stepId, n.text])).toEqual([['safeguards', 'Se le leyeron sus derechos.']]);
    expect(rec.state.marks['kept-documents']?.status).toBe('confirmed');
    expect(steps(await later.say('próximo'))).toEqual(['open-account']);
  });

  const refusals: Array<[string, (c: ReturnType<ReturnType<typeof setup>['conversation']>) => Promise<Partial<Activity>[]>, string]> = [
    ['a tampered card submit', (c) => c.submit({ faro: 1, cmd: 'next', admin: true }), 'session:messages.badSubmit'],
    ['a card submit with an invented command', (c) => c.submit({ faro: 1, cmd: 'erase-all' }), 'session:messages.badSubmit'],
    ['a card submit that is not an object', (c) => c.submit('next'), 'session:messages.badSubmit'],
    ['an unknown indicator', (c) => c.submit(submit('mark', { arg: 'ghost' })), 'engine-errors:unknown-indicator'],
    ['an unknown indicator typed', (c) => c.say('mark ghost'), 'engine-errors:unknown-indicator'],
    ['an answer of the wrong kind', (c) => c.submit(submit('answer', { arg: 'witness' })), 'engine-errors:wrong-answer'],
    ['going on without the required answer', (c) => c.submit(submit('next')), 'engine-errors:answer-required'],
    ['skipping a required step', (c) => c.submit(submit('skip')), 'engine-errors:cannot-skip-required'],
    ['unmarking what is not marked', (c) => c.submit(submit('unmark', { arg: 'debt-owed' })), 'engine-errors:not-marked'],
    ['an empty note', (c) => c.submit(submit('note', { text: '   ' })), 'engine-errors:empty-note'],
    ['a command that has no place in an interview', (c) => c.say('export'), 'session:messages.commandNotHere'],
    ['free text on a yes/no question', (c) => c.say('she nodded'), 'session:messages.freeTextHint'],
    ['an event without a when', (c) => c.say('event left home'), 'session:messages.eventFormat'],
  ];
  describe.each(['es', 'en', 'pt'] as Locale[])('in %s', (locale) => {
    it.each(refusals)('answers %s briefly and leaves the stored record unchanged', async (_name, act, key) => {
      const h = setup();
      const id = await h.newSession('walk', officer, locale);
      const c = h.conversation(officer, locale);
      await c.begin(id);
      await c.say('next');
      const before = await h.store.load(id);
      const replies = await act(c);
      expect(replies.map((r) => r.text)).toEqual([said(h, locale, key)]);
      expect(await h.store.load(id)).toEqual(before);
    });

    it('says at the first step that there is nothing before, and that typed free text is not a note', async () => {
      const h = setup();
      const id = await h.newSession('walk', officer, locale);
      const c = h.conversation(officer, locale);
      await c.begin(id);
      const before = await h.store.load(id);
      expect((await c.submit(submit('back'))).map((r) => r.text)).toEqual([said(h, locale, 'engine-errors:nothing-before')]);
      expect((await c.say('yes')).map((r) => r.text)).toEqual([said(h, locale, 'engine-errors:not-a-question')]);
      expect((await c.say('the person looks tired')).map((r) => r.text)).toEqual([said(h, locale, 'session:messages.freeTextHint')]);
      expect(await h.store.load(id)).toEqual(before);
    });
  });

  it('keeps words left in the note box when a navigation button is tapped', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'en');
    const c = h.conversation(officer, 'en');
    await c.begin(id);
    const r = await c.submit(submit('next', { text: 'Interpreter present.' }));
    expect(texts(r)[0]).toBe('Note saved.');
    expect(steps(r)).toEqual(['consent-interview']);
    expect((await h.store.load(id))!.record.state.notes.map((n) => [n.stepId, n.text])).toEqual([['welcome', 'Interpreter present.']]);
  });

  it('shows why a step is there with its sources', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'es');
    const c = h.conversation(officer, 'es');
    await c.begin(id);
    const shown = texts(await c.submit(submit('why')));
    expect(shown).toContain('Las personas hablan con más libertad cuando saben qué ocurrirá.');
    expect(shown).toContain('• 000_fixture.txt, líneas 1–3');
  });

  it('re-applies the input on the fresh record after a conflicting save, losing neither change', async () => {
    const inner = memorySessionStore();
    let interfere = false;
    const store: SessionStore = {
      ...inner,
      async save(record, expected) {
        if (interfere && expected !== null) {
          interfere = false;
          const other = (await inner.load(record.id))!;
          const n = { id: 'n99', stepId: 'welcome', text: 'from the other device', at: record.updatedAt };
          await inner.save({ ...other.record, state: { ...other.record.state, notes: [...other.record.state.notes, n] } }, other.etag);
        }
        return inner.save(record, expected);
      },
    };
    const h = setup(store);
    const id = await h.newSession('walk', officer, 'en');
    const c = h.conversation(officer, 'en');
    await c.begin(id);
    interfere = true;
    const r = await c.say('note mine');
    expect(texts(r)).toEqual([h.t('en')('session:messages.conflict'), 'Note saved.']);
    expect((await store.load(id))!.record.state.notes.map((n) => n.text)).toEqual(['from the other device', 'mine']);
  });

  it('refuses another person and a session pinned to another protocol version', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'en');
    const stranger = h.conversation(testUser('officer', 'b'), 'en');
    expect((await stranger.begin(id)).map((r) => r.text)).toEqual([h.t('en')('session:messages.noAccess')]);
    expect(stranger.results).toEqual([{ status: 'closed', sessionId: id }]);

    const stored = (await h.store.load(id))!;
    await h.store.save({ ...stored.record, status: 'paused', state: { ...stored.record.state, protocolVersion: '0.9.0' } }, stored.etag);
    const before = await h.store.load(id);
    const c = h.conversation(officer, 'pt');
    expect((await c.begin(id)).map((r) => r.text)).toEqual([h.t('pt')('engine-errors:version-mismatch')]);
    expect(c.results).toEqual([{ status: 'closed', sessionId: id }]);
    expect(await h.store.load(id)).toEqual(before);
  });

  it('keeps every step card of the fixture well under 28 KB', async () => {
    const h = setup();
    const id = await h.newSession('walk', officer, 'pt');
    const c = h.conversation(officer, 'pt');
    const cards = [...await c.begin(id), ...await c.say('next'), ...await c.say('sim'), ...await c.say('2'),
      ...await c.say('next'), ...await c.say('next'), ...await c.say('marcar debt-owed'), ...await c.say('next')];
    expect(steps(cards)).toEqual(['welcome', 'consent-interview', 'legal-status', 'safeguards', 'open-account', 'signs', 'debt-detail']);
    for (const a of cards.filter((x) => x.attachments)) expect(JSON.stringify(a.attachments).length).toBeLessThan(14_000);
  });
});
