import { transition } from '../../src/review/workflow';
import { record } from '../fixtures/records';

const author = { id: 'officer-1', name: 'A', role: 'officer' as const, office: 'station-1' };
const sup = { id: 'sup-1', name: 'S', role: 'supervisor' as const, office: 'station-1' };
const now = new Date('2026-03-02T09:00:00Z');

describe('the review workflow', () => {
  it('lets the author submit a finished or paused session, and nobody else', () => {
    for (const status of ['completed', 'paused', 'in-progress', 'changes-requested'] as const) {
      const r = transition(record({ status }), 'submit', author, now);
      expect(r.ok && r.record.status).toBe('submitted');
    }
    expect(transition(record(), 'submit', sup, now)).toEqual({ ok: false, error: 'not-author' });
    expect(transition(record({ status: 'signed-off' }), 'submit', author, now)).toEqual({ ok: false, error: 'wrong-state' });
  });

  it('lets a supervisor send back with a request, or sign off, a submitted session', () => {
    const back = transition(record({ status: 'submitted' }), 'request-changes', sup, now, 'Add the referral');
    expect(back.ok && back.record.status).toBe('changes-requested');
    expect(back.ok && back.record.review).toEqual([{ action: 'request-changes', by: 'sup-1', at: now.toISOString(), text: 'Add the referral' }]);
    const signed = transition(record({ status: 'submitted' }), 'sign-off', sup, now);
    expect(signed.ok && signed.record.status).toBe('signed-off');
  });

  it('requires words for a request or a comment', () => {
    expect(transition(record({ status: 'submitted' }), 'request-changes', sup, now, '  ')).toEqual({ ok: false, error: 'text-required' });
    expect(transition(record({ status: 'submitted' }), 'comment', sup, now)).toEqual({ ok: false, error: 'text-required' });
    const c = transition(record({ status: 'submitted' }), 'comment', sup, now, 'Good rapport');
    expect(c.ok && c.record.status).toBe('submitted');
  });

  it('refuses review actions from non-supervisors, on own sessions, and in the wrong state', () => {
    expect(transition(record({ status: 'submitted' }), 'sign-off', author, now)).toEqual({ ok: false, error: 'not-supervisor' });
    const own = record({ status: 'submitted', author: { id: 'sup-1', role: 'supervisor', office: 'station-1' } });
    expect(transition(own, 'sign-off', sup, now)).toEqual({ ok: false, error: 'own-session' });
    expect(transition(record({ status: 'in-progress' }), 'sign-off', sup, now)).toEqual({ ok: false, error: 'wrong-state' });
  });
});
