import { verifyChain } from '../../src/review/audit';
import { purgeExpired } from '../../src/review/retention';
import { memorySessionStore } from '../fakes/memory-session-store';
import { record } from '../fixtures/records';
import { memoryAuditLog, MEMORY_AUDIT_KEY } from '../fakes/memory-audit-log';

describe('retention', () => {
  it('purges what is past the period, nothing else, and leaves only an audit entry for each', async () => {
    const store = memorySessionStore();
    const audit = memoryAuditLog();
    const id = (n: number) => `8f7c2c1e-1111-4a2b-9c3d-00000000000${n}`;
    await store.save(record({ id: id(1), updatedAt: '2025-01-01T00:00:00.000Z' }), null);
    await store.save(record({ id: id(2), updatedAt: '2026-05-02T00:00:00.000Z' }), null);
    await store.save(record({ id: id(3), updatedAt: '2026-04-30T23:59:00.000Z' }), null);
    const fakeNow = new Date('2026-05-31T00:00:00Z');
    const erased = await purgeExpired({ store, audit, now: fakeNow, days: 30 });
    expect(erased.sort()).toEqual([id(1), id(3)]);
    expect((await store.list()).map((r) => r.id)).toEqual([id(2)]);
    expect(audit.lines.map((l) => JSON.parse(l).sessionId).sort()).toEqual([id(1), id(3)]);
    expect(audit.lines.join('')).not.toMatch(/text|note/);
    expect(verifyChain(MEMORY_AUDIT_KEY, audit.lines)).toMatchObject({ ok: true, count: 2 });
  });
});
