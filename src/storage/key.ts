import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dataKey, KEY_BYTES, type DataKey } from './crypto';

/** Name of the generated key file inside `DATA_DIR` (local mode only). */
export const KEY_FILE_NAME = 'faro.key';

export interface KeyOptions {
  dataDir: string;
  /** `FARO_ENCRYPTION_KEY`: base64 of exactly 32 bytes. */
  envKey?: string | undefined;
  /** `MicrosoftAppId`: when set, a key must come from the environment. */
  appId?: string | undefined;
}

export type KeySource = 'env' | 'file' | 'file-created';

export type KeyWarning = 'key-file-created' | 'key-file-in-use';

export type KeyErrorCode = 'invalid-env-key' | 'key-required' | 'invalid-key-file' | 'key-file-permissions';

export type KeyResult =
  | { ok: true; key: DataKey; source: KeySource; warning?: { code: KeyWarning; message: string } }
  | { ok: false; error: KeyErrorCode; reason: string };

/** Decodes a base64 key strictly: only base64 characters, correct padding, exactly 32 bytes. */
export function decodeKey(text: string): { ok: true; key: Buffer } | { ok: false; reason: string } {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t) || t.length % 4 !== 0) {
    return { ok: false, reason: 'is not base64 (expected 44 characters of A-Z a-z 0-9 + / with = padding)' };
  }
  const key = Buffer.from(t, 'base64');
  if (key.length !== KEY_BYTES) return { ok: false, reason: `decodes to ${key.length} bytes, expected ${KEY_BYTES}` };
  return { ok: true, key };
}

/**
 * Finds the data key.
 * - `FARO_ENCRYPTION_KEY` set: it is used (and must be valid, else refused).
 * - Not set, authentication on (`appId`): refused; a deployed bot needs a managed key.
 * - Not set, local mode: `DATA_DIR/faro.key` is created (0600, data dir 0700) or reused, and a warning
 *   is returned for the caller to log. An existing key file readable by group or others is refused.
 * Generate a key with `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
 */
export async function loadOrCreateKey(opts: KeyOptions): Promise<KeyResult> {
  const envKey = opts.envKey?.trim();
  if (envKey) {
    const d = decodeKey(envKey);
    if (!d.ok) return { ok: false, error: 'invalid-env-key', reason: `FARO_ENCRYPTION_KEY ${d.reason}` };
    return { ok: true, key: dataKey(d.key), source: 'env' };
  }
  if (opts.appId) {
    return {
      ok: false, error: 'key-required',
      reason: 'FARO_ENCRYPTION_KEY is required when MicrosoftAppId is set (base64 of 32 random bytes)',
    };
  }
  const file = join(opts.dataDir, KEY_FILE_NAME);
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const created = await createKeyFile(file);
  if (created) {
    return {
      ok: true, key: dataKey(created), source: 'file-created',
      warning: { code: 'key-file-created', message: `created a local encryption key at ${file}; set FARO_ENCRYPTION_KEY for any shared deployment and back the key up: data cannot be read without it` },
    };
  }
  if (process.platform !== 'win32') {
    const mode = (await stat(file)).mode & 0o777;
    if (mode & 0o077) {
      return { ok: false, error: 'key-file-permissions', reason: `${file} has mode ${mode.toString(8)}; run chmod 600 on it` };
    }
  }
  const d = decodeKey(await readFile(file, 'utf8'));
  if (!d.ok) return { ok: false, error: 'invalid-key-file', reason: `${file} ${d.reason}` };
  return {
    ok: true, key: dataKey(d.key), source: 'file',
    warning: { code: 'key-file-in-use', message: `using the local encryption key at ${file}; set FARO_ENCRYPTION_KEY for any shared deployment` },
  };
}

/** Creates the key file exclusively; returns the new key, or undefined when the file already exists. */
async function createKeyFile(file: string): Promise<Buffer | undefined> {
  let fh;
  try {
    fh = await open(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
  try {
    const key = randomBytes(KEY_BYTES);
    await fh.writeFile(`${key.toString('base64')}\n`, 'utf8');
    await fh.sync();
    return key;
  } finally {
    await fh.close();
  }
}
