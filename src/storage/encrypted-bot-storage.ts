import { createHash, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { z } from 'zod';
import { unlinkIfExists } from './atomic-file';
import type { DataKey } from './crypto';
import { keyedMutex } from './keyed-mutex';
import { readSealed, writeSealed, type OnCorrupt } from './sealed-file';

/** What one state file holds once decrypted: the storage key (checked on read) and the item. */
const StateDoc = z.object({ key: z.string(), item: z.record(z.string(), z.unknown()) }).strict();
type StateDoc = z.infer<typeof StateDoc>;

export interface EncryptedBotStorageOptions {
  dataDir: string;
  key: DataKey;
  /** Told about each file moved to quarantine, with the file's hash name (never the storage key). */
  onCorrupt?: OnCorrupt;
}

/** Raised on a write whose eTag is stale; the message follows botbuilder's MemoryStorage. */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** File name for a storage key: its SHA-256, so no user or conversation id shows on disk. */
export const stateFileName = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * botbuilder `Storage` for ConversationState and UserState: one encrypted file per key in
 * `DATA_DIR/state/<sha256(key)>.json`.
 * - eTags as MemoryStorage: a missing or `*` eTag overwrites; any other eTag must match the stored
 *   one, else the write throws `ETagConflictError`. Each write stamps a new eTag.
 * - Reads return fresh objects parsed from disk, so callers never share state.
 * - Every read, compare and write of one file runs in a per-file queue, so overlapping turns of a
 *   conversation are applied one after the other and each caller resolves as soon as its own write
 *   is on disk.
 * - Damaged files are quarantined and read as absent; a file under another key throws.
 */
export class EncryptedBotStorage implements Storage {
  private readonly dir: string;
  private readonly quarantineDir: string;
  private readonly lock = keyedMutex();
  private readonly onCorrupt: OnCorrupt;
  private ready: Promise<unknown> | undefined;

  constructor(private readonly opts: EncryptedBotStorageOptions) {
    this.dir = join(opts.dataDir, 'state');
    this.quarantineDir = join(opts.dataDir, 'quarantine');
    this.onCorrupt = opts.onCorrupt ?? (() => undefined);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    await this.ensureDir();
    const out: StoreItems = {};
    await Promise.all(keys.map(async (key) => {
      const name = stateFileName(key);
      const doc = await this.lock.run(name, () => this.readDoc(key, name));
      if (doc) out[key] = doc.item;
    }));
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Copy before the first await: the caller may change its objects while the write waits.
    const copies = Object.entries(changes).map(([key, change]) =>
      [key, JSON.parse(JSON.stringify(change ?? {})) as Record<string, unknown>] as const);
    await this.ensureDir();
    await Promise.all(copies.map(([key, item]) => {
      const name = stateFileName(key);
      return this.lock.run(name, async () => {
        const wanted = item['eTag'];
        if (typeof wanted === 'string' && wanted !== '' && wanted !== '*') {
          const current = await this.readDoc(key, name);
          if (current && current.item['eTag'] !== wanted) throw new ETagConflictError(key);
        }
        const doc: StateDoc = { key, item: { ...item, eTag: randomUUID() } };
        await writeSealed(this.fileOf(name), this.opts.key, `state:${name}`, doc);
      });
    }));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.ensureDir();
    await Promise.all(keys.map((key) => {
      const name = stateFileName(key);
      return this.lock.run(name, () => unlinkIfExists(this.fileOf(name)));
    }));
  }

  private fileOf(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  private ensureDir(): Promise<unknown> {
    return (this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }));
  }

  private async readDoc(key: string, name: string): Promise<StateDoc | undefined> {
    const doc = await readSealed({
      file: this.fileOf(name), key: this.opts.key, context: `state:${name}`, schema: StateDoc,
      quarantineDir: this.quarantineDir, reportId: name, onCorrupt: this.onCorrupt,
    });
    return doc && doc.key === key ? doc : undefined;
  }
}

/** Factory for the composition root. */
export function createEncryptedBotStorage(opts: EncryptedBotStorageOptions): EncryptedBotStorage {
  return new EncryptedBotStorage(opts);
}
