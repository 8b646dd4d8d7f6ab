import { verifyChain } from '../../src/review/audit';
import { fileDirectory } from '../../src/review/directory';
import { createReviewService } from '../../src/review/review-service';
import type { User } from '../../src/review/roles';
import { memoryAuditLog, MEMORY_AUDIT_KEY } from '../fakes/memory-audit-log';
import { memorySessionStore } from '../fakes/memory-session-store';
import { at, record } from '../fixtures/records';

const users: User[] = [
  { id: 'officer-a', name: 'A', role: 'officer', office: 'police-1' },
  { id: 'officer-b', name: 'B', role: 'officer', office: 'police-1' },
  { id: 'sup-police-1', name: 'S1', role: 'supervisor', office: 'police-1' },
  { id: 'sup-police-2', name: 'S2', role: 'supervisor', office: 'police-2' },
  { id: 'officer-c', name: 'C', role: 'officer', office: 'police-2' },
  { id: 'defender-d', name: 'D', role: 'defender', office: 'defence-1' },
  { id: 'sup-defence-1', name: 'SD', role: 'supervisor', office: 'defence-1' },
];
const directory = fileDirectory({ users });
const user = (id: string): User => users.find((u) => u.id === id)!;

const SECRET = 'the person said the recruiter kept her passport';
const sessionOf = (n: number, author: User, kind: 'officer' | 'defender') => record({
  id: `8f7c2c1e-1111-4a2b-9c3d-00000000000${n}`, kind, status: 'submitted',
  author: { id: author.id, role: author.role, office: author.office }, office: author.office,
  updatedAt: `2026-03-0${n}T10:00:00.000Z`,
}, { notes: [{ id: 'n1', stepId: 'account', text: `${SECRET} (${n})`, at: at(5) }] });

const sessions = {
  'officer-a': sessionOf(1, user('officer-a'), 'officer'),
  'defender-d': sessionOf(2, user('defender-d'), 'defender'),
  'officer-c': sessionOf(3, user('officer-c'), 'officer'),
};

/** Who may read which session (by its author), and why not otherwise. */
const expected: Record<string, Record<keyof typeof sessions, true | string>> = {
  'officer-a': { 'officer-a': true, 'defender-d': 'not-author', 'officer-c': 'not-author' },
  'officer-b': { 'officer-a': 'not-author', 'defender-d': 'not-author', 'officer-c': 'not-author' },
  'sup-police-1': { 'officer-a': true, 'defender-d': 'privileged', 'officer-c': 'other-office' },
  'sup-police-2': { 'officer-a': 'other-office', 'defender-d': 'privileged', 'officer-c': true },
  'officer-c': { 'officer-a': 'not-author', 'defender-d': 'not-author', 'officer-c': true },
  'defender-d': { 'officer-a': 'not-author', 'defender-d': true, 'officer-c': 'not-author' },
  'sup-defence-1': { 'officer-a': 'other-office', 'defender-d': true, 'officer-c': 'other-office' },
};

async function setup() {
  const store = memorySessionStore();
  const audit = memoryAuditLog();
  for (const s of Object.values(sessions)) await store.save(s, null);
  const service = createReviewService({ store, audit, directory, clock: () => new Date('2026-04-01T00:00:00Z') });
  return { store, audit, service };
}

describe('access matrix', () => {
  for (const u of users) {
    for (const [author, session] of Object.entries(sessions) as [keyof typeof sessions, ReturnType<typeof sessionOf>][]) {
      const want = expected[u.id]![author];
      it(`${u.id} ${want === true ? 'reads' : `is refused (${want})`} ${author}'s session, and the attempt is audited`, async () => {
        const { service, audit } = await setup();
        for (const purpose of ['read', 'export'] as const) {
          const result = await service.open(u, session.id, purpose);
          if (want === true) {
            expect(result).toMatchObject({ ok: true, record: { id: session.id } });
          } else {
            expect(result).toEqual({ ok: false, error: want });
            expect(JSON.stringify(result)).not.toContain(SECRET);
            expect(result).not.toHaveProperty('record');
          }
        }
        const entries = await audit.entries();
        expect(entries.map((e) => [e.actor.id, e.action, e.sessionId, e.outcome, e.code])).toEqual(
          (['read', 'export'] as const).map((a) => [u.id, a, session.id, want === true ? 'allowed' : 'denied', want === true ? undefined : want]),
        );
        expect(verifyChain(MEMORY_AUDIT_KEY, audit.lines)).toMatchObject({ ok: true, count: 2 });
      });
    }
  }

  it('never lets an officer or a police supervisor read a defender session, whatever they try', async () => {
    const { service } = await setup();
    const police = users.filter((u) => u.office.startsWith('police'));
    for (const u of police) {
      expect((await service.open(u, sessions['defender-d'].id, 'read')).ok).toBe(false);
      expect((await service.act(u, sessions['defender-d'].id, 'comment', 'x')).ok).toBe(false);
      expect((await service.erase(u, sessions['defender-d'].id)).ok).toBe(false);
      const q = await service.queue(u, { states: ['submitted', 'in-progress', 'completed'] });
      if (q.ok) expect(q.items.map((i) => i.kind)).not.toContain('defender');
    }
  });

  it('refuses an unknown session id the same way, and audits it', async () => {
    const { service, audit } = await setup();
    expect(await service.open(user('sup-police-1'), '8f7c2c1e-1111-4a2b-9c3d-999999999999', 'read')).toEqual({ ok: false, error: 'not-found' });
    expect((await audit.entries())[0]).toMatchObject({ action: 'read', outcome: 'denied', code: 'not-found' });
  });

  const queueWant: Record<string, string[] | 'not-supervisor'> = {
    'officer-a': 'not-supervisor', 'officer-b': 'not-supervisor', 'officer-c': 'not-supervisor', 'defender-d': 'not-supervisor',
    'sup-police-1': [sessions['officer-a'].id], 'sup-police-2': [sessions['officer-c'].id], 'sup-defence-1': [sessions['defender-d'].id],
  };
  for (const u of users) {
    it(`gives ${u.id} ${queueWant[u.id] === 'not-supervisor' ? 'no queue' : 'a queue of only the sessions it may read'}, and audits the listing`, async () => {
      const { service, audit } = await setup();
      const q = await service.queue(u);
      const want = queueWant[u.id]!;
      if (want === 'not-supervisor') expect(q).toEqual({ ok: false, error: 'not-supervisor' });
      else expect(q.ok && q.items.map((i) => i.id)).toEqual(want);
      expect(JSON.stringify(q)).not.toContain(SECRET);
      expect((await audit.entries()).map((e) => [e.actor.id, e.action, e.outcome])).toEqual([[u.id, 'list', want === 'not-supervisor' ? 'denied' : 'allowed']]);
    });
  }
});

describe('review queue', () => {
  it('lists newest first, filters by state and date, and pages', async () => {
    const store = memorySessionStore();
    const audit = memoryAuditLog();
    const sup = user('sup-police-1');
    const a = user('officer-a');
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T09:00:00.000Z`;
    for (let d = 1; d <= 12; d++) {
      await store.save(record({ id: `8f7c2c1e-1111-4a2b-9c3d-0000000000${String(d).padStart(2, '0')}`, status: d % 3 === 0 ? 'signed-off' : 'submitted',
        author: { id: a.id, role: 'officer', office: 'police-1' }, office: 'police-1', updatedAt: day(d) }), null);
    }
    const service = createReviewService({ store, audit, directory, clock: () => new Date('2026-04-01T00:00:00Z'), flagsOf: () => [{ id: 'required-steps-skipped', steps: ['x'] }] });
    const first = await service.queue(sup, { pageSize: 5 });
    expect(first.ok && [first.total, first.pages, first.items.map((i) => i.updatedAt.slice(8, 10))]).toEqual([8, 2, ['11', '10', '08', '07', '05']]);
    expect(first.ok && first.items.every((i) => i.flagCount === 1)).toBe(true);
    const second = await service.queue(sup, { pageSize: 5, page: 2 });
    expect(second.ok && second.items.map((i) => i.updatedAt.slice(8, 10))).toEqual(['04', '02', '01']);
    const signed = await service.queue(sup, { states: ['signed-off'], from: '2026-03-04', to: '2026-03-09' });
    expect(signed.ok && signed.items.map((i) => i.updatedAt.slice(8, 10))).toEqual(['09', '06']);
  });
});
