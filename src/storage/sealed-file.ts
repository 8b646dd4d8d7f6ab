import { randomBytes } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { readTextIfExists, writeFileAtomic } from './atomic-file';
import { CryptoError, open, seal, type DataKey } from './crypto';

/** Why a stored file was set aside. Never accompanied by content. */
export type CorruptCode = 'BAD_ENVELOPE' | 'DECRYPT_FAILED' | 'BAD_JSON' | 'INVALID_RECORD';

/** Told about every file moved to quarantine: an id (or file hash) and a code, nothing else. */
export type OnCorrupt = (id: string, code: CorruptCode) => void;

export type StorageErrorCode = 'INVALID_ID' | 'INVALID_RECORD' | 'BAD_JSON';

/** A storage fault (a caller bug or an unreadable file), with a code for logs. */
export class StorageError extends Error {
  constructor(readonly code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * lowdb adapter for one encrypted JSON document: decrypts on read, encrypts and writes atomically
 * (temp file, fsync, rename) on write. `context` is bound into the ciphertext (see `crypto.ts`).
 * Callers serialise access per file; this adapter does no locking of its own.
 */
export class SealedJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string, private readonly key: DataKey, private readonly context: string) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.file);
    if (text === null) return null;
    const plain = open(this.key, this.context, text).toString('utf8');
    try {
      return JSON.parse(plain) as T;
    } catch (cause) {
      throw new StorageError('BAD_JSON', 'decrypted document is not JSON', { cause });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, seal(this.key, this.context, JSON.stringify(data)));
  }
}

export interface SealedDoc<T> {
  file: string;
  key: DataKey;
  context: string;
  schema: z.ZodType<T>;
  quarantineDir: string;
  /** What `onCorrupt` is told: a session id or a file hash. */
  reportId: string;
  onCorrupt: OnCorrupt;
}

/**
 * Reads and validates one document. A missing file gives `undefined`. A damaged file (bad envelope,
 * failed authentication, bad JSON, schema failure) is moved to quarantine, reported, and gives
 * `undefined`. A file under another key throws `CryptoError('KEY_MISMATCH')` and stays in place:
 * that is a configuration problem, not damage.
 */
export async function readSealed<T>(d: SealedDoc<T>): Promise<T | undefined> {
  const db = new Low<unknown>(new SealedJsonFile<unknown>(d.file, d.key, d.context), null);
  let code: CorruptCode;
  try {
    await db.read();
    if (db.data === null) return undefined;
    const parsed = d.schema.safeParse(db.data);
    if (parsed.success) return parsed.data;
    code = 'INVALID_RECORD';
  } catch (e) {
    if (e instanceof CryptoError && (e.code === 'BAD_ENVELOPE' || e.code === 'DECRYPT_FAILED')) code = e.code;
    else if (e instanceof StorageError && e.code === 'BAD_JSON') code = 'BAD_JSON';
    else throw e;
  }
  await quarantine(d.file, d.quarantineDir);
  d.onCorrupt(d.reportId, code);
  return undefined;
}

/** Encrypts and writes one document atomically. */
export async function writeSealed<T>(file: string, key: DataKey, context: string, data: T): Promise<void> {
  const db = new Low<T>(new SealedJsonFile<T>(file, key, context), data);
  await db.write();
}

/** Moves a file aside, keeping its bytes for inspection; the name gets a time stamp and a nonce. */
export async function quarantine(file: string, quarantineDir: string): Promise<string> {
  await mkdir(quarantineDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(quarantineDir, `${basename(file)}.${stamp}.${randomBytes(3).toString('hex')}`);
  try {
    await rename(file, target);
  } catch (e) {
    // Already moved or removed by someone else: nothing left to set aside.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return target;
}
