import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeKey, KEY_FILE_NAME, loadOrCreateKey } from '../../src/storage/key';
import { createEncryptedBotStorage } from '../../src/storage/encrypted-bot-storage';
import { createFileSessionStore } from '../../src/storage/file-session-store';
import { checkDataKey } from '../../src/storage/key-check';
import { modeOf, newKey, sessionRecord, tempDir } from './fixtures';

describe('loadOrCreateKey', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('uses a valid FARO_ENCRYPTION_KEY and writes no key file', async () => {
    const raw = randomBytes(32);
    const r = await loadOrCreateKey({ dataDir: join(dir, 'data'), envKey: raw.toString('base64'), appId: 'app' });
    expect(r.ok && r.source).toBe('env');
    expect(r.ok && r.key.key.equals(raw)).toBe(true);
    await expect(readFile(join(dir, 'data', KEY_FILE_NAME))).rejects.toThrow();
  });

  it('refuses a key of the wrong length and a key that is not base64, saying why', async () => {
    const short = await loadOrCreateKey({ dataDir: dir, envKey: randomBytes(16).toString('base64') });
    expect(short).toEqual({ ok: false, error: 'invalid-env-key', reason: 'FARO_ENCRYPTION_KEY decodes to 16 bytes, expected 32' });
    const notB64 = await loadOrCreateKey({ dataDir: dir, envKey: 'not*base64!'.repeat(4) });
    expect(notB64.ok).toBe(false);
    expect(!notB64.ok && notB64.error).toBe('invalid-env-key');
    expect(!notB64.ok && notB64.reason).toMatch(/not base64/);
    expect(decodeKey(randomBytes(32).toString('hex')).ok).toBe(false);
  });

  it('refuses to start with an app id and no key', async () => {
    const r = await loadOrCreateKey({ dataDir: dir, appId: '00000000-0000-0000-0000-000000000001' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe('key-required');
    expect(!r.ok && r.reason).toMatch(/FARO_ENCRYPTION_KEY is required/);
  });

  it('creates a 0600 key file in a 0700 data dir in local mode, warns, and reuses it later', async () => {
    const dataDir = join(dir, 'data');
    const first = await loadOrCreateKey({ dataDir });
    expect(first.ok && first.source).toBe('file-created');
    expect(first.ok && first.warning?.code).toBe('key-file-created');
    expect(await modeOf(join(dataDir, KEY_FILE_NAME))).toBe(0o600);
    expect(await modeOf(dataDir)).toBe(0o700);
    const second = await loadOrCreateKey({ dataDir, envKey: '' });
    expect(second.ok && second.source).toBe('file');
    expect(second.ok && second.warning?.code).toBe('key-file-in-use');
    expect(first.ok && second.ok && first.key.kid === second.key.kid && first.key.key.equals(second.key.key)).toBe(true);
  });

  it('refuses a key file others can read and a key file with a bad key', async () => {
    const dataDir = join(dir, 'data');
    await loadOrCreateKey({ dataDir });
    await chmod(join(dataDir, KEY_FILE_NAME), 0o644);
    const open = await loadOrCreateKey({ dataDir });
    expect(!open.ok && open.error).toBe('key-file-permissions');
    await writeFile(join(dataDir, KEY_FILE_NAME), 'short\n', { mode: 0o600 });
    await chmod(join(dataDir, KEY_FILE_NAME), 0o600);
    const bad = await loadOrCreateKey({ dataDir });
    expect(!bad.ok && bad.error).toBe('invalid-key-file');
  });
});

describe('checkDataKey', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('accepts the key the data was written with and names both key ids when it differs', async () => {
    const key = newKey();
    expect(await checkDataKey(dir, key)).toEqual({ ok: true, checked: 0 });
    await createFileSessionStore({ dataDir: dir, key }).save(sessionRecord(), null);
    await createEncryptedBotStorage({ dataDir: dir, key }).write({ k: { v: 1 } });
    expect(await checkDataKey(dir, key)).toEqual({ ok: true, checked: 2 });
    const other = newKey();
    expect(await checkDataKey(dir, other)).toMatchObject({ ok: false, error: 'key-mismatch', found: key.kid, expected: other.kid });
  });
});
