import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as verify } from '../../scripts/audit-verify';
import { main } from '../../scripts/purge';
import { auditKey } from '../../src/review/audit';
import { dataKey } from '../../src/storage/crypto';
import { auditFilePath } from '../../src/storage/existing-key';
import { createFileAuditLog } from '../../src/storage/file-audit-log';
import { createFileSessionStore } from '../../src/storage/file-session-store';
import { record } from '../fixtures/records';

const id = (n: number) => `8f7c2c1e-1111-4a2b-9c3d-00000000000${n}`;

describe('purge', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'faro-purge-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('erases only what is past the retention period, prints the ids, and keeps the audit chain whole', async () => {
    const env = { DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64'), FARO_RETENTION_DAYS: '30' };
    const key = dataKey(Buffer.from(env.FARO_ENCRYPTION_KEY, 'base64'));
    const store = createFileSessionStore({ dataDir: dir, key });
    await store.save(record({ id: id(1), updatedAt: '2026-01-10T00:00:00.000Z' }), null);
    await store.save(record({ id: id(2), updatedAt: '2026-05-02T00:00:00.000Z' }), null);
    await store.save(record({ id: id(3), updatedAt: '2026-04-30T23:59:00.000Z' }), null);
    await store.save(record({ id: id(4), updatedAt: '2026-05-01T00:00:01.000Z' }), null);
    await createFileAuditLog({ file: auditFilePath(dir), key: auditKey(key.key) }).append({ actor: { id: 'off-1', role: 'officer' }, action: 'create', sessionId: id(2), outcome: 'allowed' });

    const fakeNow = new Date('2026-05-31T00:00:00Z');
    const out = await main(env, fakeNow);
    expect(out.code).toBe(0);
    expect(out.erased.sort()).toEqual([id(1), id(3)]);
    expect(out.message).toContain('purged 2 session(s) not changed for more than 30 days');
    expect(out.message).toContain(id(1));
    const left = await createFileSessionStore({ dataDir: dir, key }).list();
    expect(left.map((r) => r.id).sort()).toEqual([id(2), id(4)]);

    expect(await verify(env)).toEqual({ code: 0, message: 'audit chain OK: 3 entries' });
    const again = await main(env, fakeNow);
    expect(again.erased).toEqual([]);
  });

  it('uses 365 days by default', async () => {
    const env = { DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const store = createFileSessionStore({ dataDir: dir, key: dataKey(Buffer.from(env.FARO_ENCRYPTION_KEY, 'base64')) });
    await store.save(record({ id: id(1), updatedAt: '2025-05-01T00:00:00.000Z' }), null);
    await store.save(record({ id: id(2), updatedAt: '2025-06-01T00:00:00.000Z' }), null);
    expect((await main(env, new Date('2026-05-31T00:00:00Z'))).erased).toEqual([id(1)]);
  });

  it('refuses without a key', async () => {
    expect(await main({ DATA_DIR: dir })).toMatchObject({ code: 1, erased: [], message: expect.stringMatching(/no key found/) });
  });
});
