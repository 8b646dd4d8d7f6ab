import { randomUUID } from 'node:crypto';
import { readdir, readFile, truncate, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CryptoError } from '../../src/storage/crypto';
import { createFileSessionStore } from '../../src/storage/file-session-store';
import { writeSealed, type CorruptCode } from '../../src/storage/sealed-file';
import { filesContaining, modeOf, newKey, sessionRecord, tempDir } from './fixtures';

describe('file session store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('round-trips a record, one 0600 file per session', async () => {
    const store = createFileSessionStore({ dataDir: dir, key: newKey() });
    const rec = sessionRecord({ note: 'hello' });
    const saved = await store.save(rec, null);
    expect(saved.ok).toBe(true);
    const loaded = await store.load(rec.id);
    expect(loaded?.record).toEqual(rec);
    expect(loaded?.etag).toBe(saved.ok ? saved.etag : 'no');
    await store.save(sessionRecord(), null);
    expect((await readdir(store.dir)).sort()).toHaveLength(2);
    expect(await modeOf(join(store.dir, `${rec.id}.json`))).toBe(0o600);
    expect(await store.load(randomUUID())).toBeUndefined();
  });

  it('leaves no note text anywhere under the data dir as plaintext', async () => {
    const marker = 'MARCADOR-ñandú-Ωmega-7731';
    const key = newKey();
    const store = createFileSessionStore({ dataDir: dir, key });
    const rec = sessionRecord({ note: `la persona dijo ${marker} hoy` });
    const first = await store.save(rec, null);
    await store.save({ ...rec, updatedAt: '2026-01-03T00:00:00.000Z' }, first.ok ? first.etag : null);
    await store.list();
    expect((await store.load(rec.id))?.record.state.notes[0]?.text).toContain(marker);
    expect(await filesContaining(dir, 'la persona dijo')).toEqual([]);
    expect(await filesContaining(dir, marker)).toEqual([]);
    // The scan itself can find the marker when it is there.
    await writeFile(join(dir, 'probe.txt'), Buffer.from(marker, 'utf16le'));
    expect(await filesContaining(dir, marker)).toHaveLength(1);
  });

  it('with another key decrypts nothing, says it is the key, and quarantines nothing', async () => {
    const reports: string[] = [];
    const a = createFileSessionStore({ dataDir: dir, key: newKey() });
    const rec = sessionRecord({ note: 'secret' });
    await a.save(rec, null);
    const b = createFileSessionStore({ dataDir: dir, key: newKey(), onCorrupt: (id) => reports.push(id) });
    await expect(b.load(rec.id)).rejects.toMatchObject({ name: 'CryptoError', code: 'KEY_MISMATCH' });
    await expect(b.list()).rejects.toBeInstanceOf(CryptoError);
    await expect(b.save(rec, null)).rejects.toMatchObject({ code: 'KEY_MISMATCH' });
    expect(reports).toEqual([]);
    await expect(readdir(join(dir, 'quarantine'))).rejects.toThrow();
    expect((await a.load(rec.id))?.record).toEqual(rec);
  });

  it.each([
    ['a flipped ciphertext byte', 'DECRYPT_FAILED'],
    ['a truncated file', 'BAD_ENVELOPE'],
    ['garbage', 'BAD_ENVELOPE'],
    ['a file copied from another session', 'DECRYPT_FAILED'],
  ] as const)('moves a session file damaged by %s to quarantine and keeps the others working', async (damage, code) => {
    const reports: Array<[string, CorruptCode]> = [];
    const key = newKey();
    const store = createFileSessionStore({ dataDir: dir, key, onCorrupt: (id, c) => reports.push([id, c]) });
    const recs = [sessionRecord(), sessionRecord({ authorId: 'officer-2' }), sessionRecord()];
    for (const r of recs) await store.save(r, null);
    const [bad, good1, good2] = recs as [typeof recs[0], typeof recs[0], typeof recs[0]];
    const file = join(store.dir, `${bad.id}.json`);
    const text = await readFile(file, 'utf8');
    if (damage === 'a flipped ciphertext byte') {
      const env = JSON.parse(text) as { data: string };
      const data = Buffer.from(env.data, 'base64');
      data[10] = (data[10] as number) ^ 0xff;
      await writeFile(file, JSON.stringify({ ...env, data: data.toString('base64') }));
    } else if (damage === 'a truncated file') {
      await truncate(file, Math.floor(text.length / 2));
    } else if (damage === 'garbage') {
      await writeFile(file, Buffer.from([0, 1, 2, 0xfe, 0xff]));
    } else {
      await writeFile(file, await readFile(join(store.dir, `${good1.id}.json`)));
    }
    const fresh = createFileSessionStore({ dataDir: dir, key, onCorrupt: (id, c) => reports.push([id, c]) });
    const rows = await fresh.list();
    expect(rows.map((r) => r.id).sort()).toEqual([good1.id, good2.id].sort());
    expect(reports).toEqual([[bad.id, code]]);
    expect(await fresh.load(bad.id)).toBeUndefined();
    expect((await fresh.load(good1.id))?.record).toEqual(good1);
    expect(await readdir(store.dir)).not.toContain(`${bad.id}.json`);
    const quarantined = await readdir(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatch(new RegExp(`^${bad.id}\\.json\\.`));
  });

  it('quarantines a file that decrypts but does not validate, on load', async () => {
    const reports: Array<[string, CorruptCode]> = [];
    const key = newKey();
    const store = createFileSessionStore({ dataDir: dir, key, onCorrupt: (id, c) => reports.push([id, c]) });
    const rec = sessionRecord();
    await store.save(rec, null);
    await writeSealed(join(store.dir, `${rec.id}.json`), key, `session:${rec.id}`, { etag: 'e', record: { ...rec, status: 'nonsense' } });
    expect(await store.load(rec.id)).toBeUndefined();
    expect(reports).toEqual([[rec.id, 'INVALID_RECORD']]);
  });

  it('rejects a save with a stale etag and a create over an existing record', async () => {
    const store = createFileSessionStore({ dataDir: dir, key: newKey() });
    const rec = sessionRecord();
    const first = await store.save(rec, null);
    if (!first.ok) throw new Error('first save failed');
    const second = await store.save({ ...rec, status: 'paused' }, first.etag);
    expect(second.ok).toBe(true);
    expect(await store.save({ ...rec, status: 'completed' }, first.etag)).toEqual({ ok: false, error: 'conflict' });
    expect(await store.save(rec, null)).toEqual({ ok: false, error: 'conflict' });
    expect((await store.load(rec.id))?.record.status).toBe('paused');
  });

  it('lets exactly one of several concurrent saves carrying the same etag win', async () => {
    const store = createFileSessionStore({ dataDir: dir, key: newKey() });
    const rec = sessionRecord();
    await store.save(rec, null);
    for (let round = 0; round < 5; round++) {
      const cur = (await store.load(rec.id))?.etag ?? null;
      const results = await Promise.all([
        store.save({ ...rec, status: 'paused' }, cur),
        store.save({ ...rec, status: 'completed' }, cur),
        store.save({ ...rec, status: 'submitted' }, cur),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toHaveLength(2);
    }
    const creates = await Promise.all([store.save(sessionRecord({ id: '6f1c9a40-1111-4222-8333-444455556666' }), null),
      store.save(sessionRecord({ id: '6f1c9a40-1111-4222-8333-444455556666' }), null)]);
    expect(creates.filter((r) => r.ok)).toHaveLength(1);
  });

  it('lists with filters, follows saves and removes, and a new instance lists from disk', async () => {
    const key = newKey();
    const store = createFileSessionStore({ dataDir: dir, key });
    const a = sessionRecord({ authorId: 'u1', office: 'o1' });
    const b = sessionRecord({ authorId: 'u2', office: 'o1' });
    const c = sessionRecord({ authorId: 'u2', office: 'o2' });
    await store.save(a, null);
    expect((await store.list()).map((r) => r.id)).toEqual([a.id]);
    await store.save(b, null);
    await store.save(c, null);
    expect((await store.list({ office: 'o1' })).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect((await store.list({ authorId: 'u2', office: 'o2' }))).toEqual([{
      id: c.id, authorId: 'u2', office: 'o2', kind: 'officer', protocolId: 'identification',
      status: 'in-progress', createdAt: c.createdAt, updatedAt: c.updatedAt,
    }]);
    expect(await store.remove(a.id)).toBe(true);
    expect(await store.remove(a.id)).toBe(false);
    expect(await store.load(a.id)).toBeUndefined();
    const again = createFileSessionStore({ dataDir: dir, key });
    expect((await again.list()).map((r) => r.id).sort()).toEqual([b.id, c.id].sort());
  });

  it('refuses ids that try to leave the sessions folder', async () => {
    const key = newKey();
    const store = createFileSessionStore({ dataDir: join(dir, 'data'), key });
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(join(dir, 'data', 'x.json'), 'outside');
    expect(await store.load('../x')).toBeUndefined();
    expect(await store.load('../../etc/passwd')).toBeUndefined();
    expect(await store.remove('../x')).toBe(false);
    expect(await readFile(join(dir, 'data', 'x.json'), 'utf8')).toBe('outside');
    await expect(store.save({ ...sessionRecord(), id: '../x' }, null)).rejects.toMatchObject({ code: 'INVALID_ID' });
    await expect(store.save({ ...sessionRecord(), id: randomUUID().toUpperCase() }, null)).rejects.toMatchObject({ code: 'INVALID_ID' });
    expect(await readdir(join(dir, 'data'))).toEqual(['x.json']);
  });
});
