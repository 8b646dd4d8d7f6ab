import { next as step, resume, start } from '../../src/protocol/engine';
import type { EngineInput, EngineResult } from '../../src/protocol/engine-types';
import type { Protocol } from '../../src/protocol/schema';
import type { ProtocolState } from '../../src/session/record';
import { walkIndicatorIds, walkProtocol } from './fixtures/walk';

const protocol = walkProtocol();
const ctx = { indicatorIds: walkIndicatorIds() };
let minute = 0;
const now = (): Date => new Date(Date.UTC(2026, 0, 1, 9, minute++));

const run = (state: ProtocolState, ...inputs: EngineInput[]): EngineResult => {
  let r: EngineResult = { state, effects: [] };
  for (const input of inputs) r = step(protocol, r.state, input, now(), ctx);
  return r;
};
const shown = (r: EngineResult): string | undefined => {
  const e = r.effects.find((x) => x.type === 'show-step');
  return e && e.type === 'show-step' ? e.stepId : undefined;
};
const errorOf = (r: EngineResult): string | undefined => {
  const e = r.effects.find((x) => x.type === 'error');
  return e && e.type === 'error' ? e.code : undefined;
};
const fresh = (): ProtocolState => start(protocol, now()).state;
/** At the account section, as a witness. */
const atAccount = (): ProtocolState =>
  run(fresh(), { type: 'next' }, { type: 'answer', value: 'yes' }, { type: 'answer', value: 'witness' }).state;

describe('protocol engine', () => {
  it('starts on the first step with progress counted over the steps that apply', () => {
    const r = start(protocol, now());
    expect(r.state.cursor).toBe('welcome');
    expect(r.state.trail).toEqual(['welcome']);
    expect(r.effects).toEqual([{ type: 'show-step', stepId: 'welcome', progress: { n: 1, m: 6, section: 'intro' } }]);
  });

  it('walks a witness linearly to the end, passing over the branch, the safeguards and the unmet when', () => {
    const r = run(fresh(), { type: 'next' }, { type: 'answer', value: 'yes' }, { type: 'answer', value: 'witness' });
    expect(shown(r)).toBe('open-account');
    const end = run(r.state, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(end.state.trail).toEqual(['welcome', 'consent-interview', 'legal-status', 'open-account', 'signs', 'close']);
    expect(end.state.cursor).toBeNull();
    expect(end.effects).toEqual([{ type: 'finished' }]);
    expect(end.state.skipped).toEqual([]);
  });

  it('branches a detained person to the safeguards and counts them in the progress', () => {
    const r = run(fresh(), { type: 'next' }, { type: 'answer', value: 'yes' }, { type: 'answer', value: 'detained' });
    expect(r.effects[0]).toEqual({ type: 'answer-saved', stepId: 'legal-status', value: 'detained' });
    expect(r.effects[1]).toEqual({ type: 'show-step', stepId: 'safeguards', progress: { n: 4, m: 7, section: 'intro' } });
  });

  it('shows a step whose when holds once its indicator is marked', () => {
    const r = run(atAccount(), { type: 'next' }, { type: 'mark', indicator: 'debt-owed' }, { type: 'next' });
    expect(shown(r)).toBe('debt-detail');
    expect(r.effects[0]).toMatchObject({ progress: { n: 6, m: 7, section: 'account' } });
    const answered = run(r.state, { type: 'answer', value: '  owes for the journey  ' });
    expect(answered.state.answers['debt-detail']?.value).toBe('owes for the journey');
    expect(shown(answered)).toBe('close');
  });

  it('goes back along the trail and refuses to go back from the first step', () => {
    const r = run(atAccount(), { type: 'back' });
    expect(shown(r)).toBe('legal-status');
    expect(r.state.answers['legal-status']?.value).toBe('witness');
    const first = fresh();
    const refused = run(first, { type: 'back' });
    expect(errorOf(refused)).toBe('nothing-before');
    expect(refused.state).toBe(first);
  });

  it('records a skipped step, refuses to skip a required one, and treats next on an optional unanswered question as a skip', () => {
    const skipped = run(fresh(), { type: 'skip' });
    expect(skipped.state.skipped).toEqual(['welcome']);
    const req = run(skipped.state, { type: 'skip' });
    expect(errorOf(req)).toBe('cannot-skip-required');
    expect(req.state).toBe(skipped.state);
    const debt = run(atAccount(), { type: 'mark', indicator: 'debt-owed' }, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(debt.state.cursor).toBe('close');
    expect(debt.state.skipped).toEqual(['debt-detail']);
  });

  it('requires an answer before next on a required question', () => {
    const s = run(fresh(), { type: 'next' }).state;
    const r = run(s, { type: 'next' });
    expect(errorOf(r)).toBe('answer-required');
    expect(r.state).toBe(s);
  });

  it('records a gate answer outside the list but stays on the gate, and records consent', () => {
    const s = run(fresh(), { type: 'next' }).state;
    const r = run(s, { type: 'answer', value: 'no' });
    expect(r.effects.map((e) => e.type)).toEqual(['answer-saved', 'gate-blocked']);
    expect(r.state.cursor).toBe('consent-interview');
    expect(r.state.consent.interview).toEqual({ value: 'no', at: expect.any(String), stepId: 'consent-interview' });
    expect(run(r.state, { type: 'next' }).effects).toEqual([{ type: 'gate-blocked', stepId: 'consent-interview' }]);
    expect(errorOf(run(r.state, { type: 'skip' }))).toBe('cannot-skip-required');
    const yes = run(r.state, { type: 'answer', value: 'yes' });
    expect(yes.state.consent.interview?.value).toBe('yes');
    expect(shown(yes)).toBe('legal-status');
  });

  it('refuses answers of the wrong kind and answers on steps that are not questions', () => {
    const s = run(fresh(), { type: 'next' }).state;
    for (const value of ['maybe', 'YES', '', 'witness']) expect(errorOf(run(s, { type: 'answer', value }))).toBe('wrong-answer');
    const choice = run(s, { type: 'answer', value: 'yes' }).state;
    expect(errorOf(run(choice, { type: 'answer', value: 'yes' }))).toBe('wrong-answer');
    expect(errorOf(run(fresh(), { type: 'answer', value: 'yes' }))).toBe('not-a-question');
    const debt = run(atAccount(), { type: 'mark', indicator: 'debt-owed' }, { type: 'next' }, { type: 'next' }).state;
    expect(debt.cursor).toBe('debt-detail');
    expect(errorOf(run(debt, { type: 'answer', value: 'x'.repeat(201) }))).toBe('wrong-answer');
    expect(errorOf(run(debt, { type: 'answer', value: '   ' }))).toBe('wrong-answer');
  });

  it('attaches notes to the current step with increasing ids and refuses empty or overlong notes', () => {
    const s = atAccount();
    const r = run(s, { type: 'note', text: ' first ' }, { type: 'note', text: 'second' });
    expect(r.state.notes).toEqual([
      { id: 'n1', stepId: 'open-account', text: 'first', at: expect.any(String) },
      { id: 'n2', stepId: 'open-account', text: 'second', at: expect.any(String) },
    ]);
    expect(r.effects).toEqual([{ type: 'note-saved', noteId: 'n2', stepId: 'open-account' }]);
    expect(errorOf(run(s, { type: 'note', text: '  ' }))).toBe('empty-note');
    expect(errorOf(run(s, { type: 'note', text: 'x'.repeat(4001) }))).toBe('note-too-long');
    expect(run(s, { type: 'note', text: 'x'.repeat(4000) }).state.notes).toHaveLength(1);
  });

  it('marks and unmarks catalogue indicators only', () => {
    const s = atAccount();
    const m = run(s, { type: 'mark', indicator: 'kept-documents' });
    expect(m.state.marks['kept-documents']).toMatchObject({ status: 'confirmed', stepId: 'open-account' });
    expect(errorOf(run(s, { type: 'mark', indicator: 'no-such-thing' }))).toBe('unknown-indicator');
    expect(errorOf(run(s, { type: 'unmark', indicator: 'kept-documents' }))).toBe('not-marked');
    const u = run(m.state, { type: 'unmark', indicator: 'kept-documents' });
    expect(u.effects).toEqual([{ type: 'unmarked', indicator: 'kept-documents' }]);
    expect(u.state.marks['kept-documents']?.status).toBe('dismissed');
    expect(errorOf(run(u.state, { type: 'unmark', indicator: 'kept-documents' }))).toBe('not-marked');
  });

  it('adds suggestions without overriding confirmed or dismissed marks', () => {
    const s = run(atAccount(), { type: 'mark', indicator: 'kept-documents' }, { type: 'mark', indicator: 'debt-owed' }, { type: 'unmark', indicator: 'debt-owed' }).state;
    const r = run(s, { type: 'suggest', indicators: ['kept-documents', 'debt-owed', 'not-free-to-leave', 'invented'], noteId: 'n1' });
    expect(r.effects).toEqual([{ type: 'suggested', indicators: ['not-free-to-leave'] }]);
    expect(r.state.marks['kept-documents']?.status).toBe('confirmed');
    expect(r.state.marks['debt-owed']?.status).toBe('dismissed');
    expect(r.state.marks['not-free-to-leave']).toMatchObject({ status: 'suggested', noteIds: ['n1'] });
    expect(r.state.marks.invented).toBeUndefined();
    const confirmed = run(r.state, { type: 'mark', indicator: 'not-free-to-leave' });
    expect(confirmed.state.marks['not-free-to-leave']).toMatchObject({ status: 'confirmed', noteIds: ['n1'] });
  });

  it('adds timeline events and refuses an event without a when or a text', () => {
    const r = run(atAccount(), { type: 'event', when: '2019', text: 'left home' });
    expect(r.state.timeline).toEqual([{ id: 'e1', when: '2019', text: 'left home', at: expect.any(String) }]);
    expect(errorOf(run(r.state, { type: 'event', when: ' ', text: 'x' }))).toBe('bad-event');
  });

  it('answers why, where, summary and pause with effects and no change', () => {
    const s = atAccount();
    expect(run(s, { type: 'why' })).toEqual({ state: s, effects: [{ type: 'why', stepId: 'open-account' }] });
    expect(run(s, { type: 'where' }).effects).toEqual([{ type: 'where', stepId: 'open-account', progress: { n: 4, m: 6, section: 'account' } }]);
    expect(run(s, { type: 'summary' })).toEqual({ state: s, effects: [{ type: 'show-summary' }] });
    expect(run(s, { type: 'pause' })).toEqual({ state: s, effects: [{ type: 'paused' }] });
  });

  it('answers finished to navigation once the protocol has ended but still keeps notes', () => {
    const end = run(atAccount(), { type: 'next' }, { type: 'next' }, { type: 'next' }).state;
    for (const type of ['next', 'back', 'skip', 'why'] as const) {
      const r = run(end, { type });
      expect(errorOf(r)).toBe('finished');
      expect(r.state).toBe(end);
    }
    expect(run(end, { type: 'note', text: 'after' }).state.notes[0]?.stepId).toBe('close');
  });

  it('leaves the state unchanged on every error', () => {
    const s = run(fresh(), { type: 'next' }).state;
    const snapshot = structuredClone(s);
    const bad: EngineInput[] = [
      { type: 'next' }, { type: 'skip' }, { type: 'answer', value: 'perhaps' }, { type: 'note', text: '' },
      { type: 'mark', indicator: 'nope' }, { type: 'unmark', indicator: 'debt-owed' }, { type: 'event', when: '', text: '' },
    ];
    for (const input of bad) {
      const r = run(s, input);
      expect(r.effects[0]?.type).toBe('error');
      expect(r.state).toBe(s);
    }
    expect(s).toEqual(snapshot);
  });

  it('resumes a stored state where it stood and refuses another protocol version', () => {
    const s = run(atAccount(), { type: 'note', text: 'kept' }, { type: 'mark', indicator: 'debt-owed' }).state;
    const stored = JSON.parse(JSON.stringify(s)) as ProtocolState;
    const r = resume(protocol, stored);
    expect(r.effects).toEqual([{ type: 'show-step', stepId: 'open-account', progress: { n: 4, m: 7, section: 'account' } }]);
    expect(r.state.notes[0]?.text).toBe('kept');
    const bumped: Protocol = { ...protocol, version: '1.1.0' };
    expect(resume(bumped, stored)).toEqual({ state: stored, effects: [{ type: 'error', code: 'version-mismatch' }] });
    expect(errorOf(step(bumped, stored, { type: 'next' }, now(), ctx))).toBe('version-mismatch');
  });
});
