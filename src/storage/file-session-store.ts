import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SessionRecord } from '../session/record';
import { unlinkIfExists } from './atomic-file';
import type { DataKey } from './crypto';
import { keyedMutex } from './keyed-mutex';
import { readSealed, StorageError, writeSealed, type OnCorrupt } from './sealed-file';
import type { ETag, ListFilter, SaveResult, SessionStore, SessionSummaryRow, StoredSession } from './session-store';

/** Canonical session id: a lowercase UUID. Anything else never reaches the file system. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isSessionId = (id: string): boolean => SESSION_ID.test(id);

/** What one session file holds once decrypted: the record and its version stamp. */
const SessionDoc = z.object({ etag: z.string().min(1), record: SessionRecord }).strict();
type SessionDoc = z.infer<typeof SessionDoc>;

export interface FileSessionStoreOptions {
  dataDir: string;
  key: DataKey;
  /** Told (id and code only) about each file moved to `DATA_DIR/quarantine/`. */
  onCorrupt?: OnCorrupt;
  /** Files decrypted in parallel while building the listing. Default 16. */
  scanConcurrency?: number;
}

export type FileSessionStore = SessionStore & {
  /** Where the session files live (`DATA_DIR/sessions`). */
  readonly dir: string;
};

const summaryOf = (r: SessionRecord): SessionSummaryRow => ({
  id: r.id, authorId: r.author.id, office: r.office, kind: r.kind, protocolId: r.state.protocolId,
  status: r.status, createdAt: r.createdAt, updatedAt: r.updatedAt,
});

/**
 * `SessionStore` with one encrypted file per session in `DATA_DIR/sessions/<id>.json`, so a save
 * costs the same with 10 or 10 000 sessions. Load-compare-write runs under a per-id mutex, so of two
 * saves carrying the same etag exactly one succeeds. One process owns a data directory.
 *
 * Listing: the first `list()` decrypts every file once and keeps the summary rows (ids, author,
 * office, status, dates; no interview content) in memory; `save` and `remove` keep them current.
 * A persisted index was rejected: it would have to be rewritten on every save, which brings back
 * the cost that grows with the number of sessions, and it could disagree with the files after a
 * crash. The one-off scan is measured by `scripts/bench-storage.ts`: about 0.2 s for 1 000 and 1.1 s
 * for 5 000 files on 2 cores, after which a listing is a filter over memory (under 3 ms).
 * Damaged files met during the scan are quarantined and left out; the rest are listed.
 */
export function createFileSessionStore(opts: FileSessionStoreOptions): FileSessionStore {
  const dir = join(opts.dataDir, 'sessions');
  const quarantineDir = join(opts.dataDir, 'quarantine');
  const onCorrupt: OnCorrupt = opts.onCorrupt ?? (() => undefined);
  const lock = keyedMutex();
  let ready: Promise<void> | undefined;
  let summaries: Map<string, SessionSummaryRow> | undefined;

  const ensureDir = (): Promise<void> => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }).then(() => undefined));
  const fileOf = (id: string): string => join(dir, `${id}.json`);
  const contextOf = (id: string): string => `session:${id}`;

  async function readDoc(id: string): Promise<SessionDoc | undefined> {
    const doc = await readSealed({
      file: fileOf(id), key: opts.key, context: contextOf(id), schema: SessionDoc,
      quarantineDir, reportId: id, onCorrupt,
    });
    if (doc && doc.record.id !== id) throw new StorageError('INVALID_RECORD', 'record id does not match its file');
    return doc;
  }

  let scanning: Promise<Map<string, SessionSummaryRow>> | undefined;
  async function scan(): Promise<Map<string, SessionSummaryRow>> {
    await ensureDir();
    const map = new Map<string, SessionSummaryRow>();
    summaries = map; // saves and removes from now on update it under the same per-id lock
    const ids = (await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter(isSessionId);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < ids.length; i = next++) {
        const id = ids[i] as string;
        await lock.run(id, async () => {
          if (map.has(id)) return; // written by a save during the scan: that row is newer
          const doc = await readDoc(id);
          if (doc) map.set(id, summaryOf(doc.record));
        });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.scanConcurrency ?? 16) }, worker));
    return map;
  }

  return {
    dir,

    async load(id: string): Promise<StoredSession | undefined> {
      if (!isSessionId(id)) return undefined;
      await ensureDir();
      const doc = await lock.run(id, () => readDoc(id));
      return doc ? { record: doc.record, etag: doc.etag } : undefined;
    },

    async save(record: SessionRecord, expected: ETag | null): Promise<SaveResult> {
      const parsed = SessionRecord.safeParse(record);
      if (!parsed.success || !isSessionId(parsed.data.id)) {
        throw new StorageError(isSessionId(String(record?.id)) ? 'INVALID_RECORD' : 'INVALID_ID', 'refusing to save an invalid session record');
      }
      const rec = parsed.data;
      await ensureDir();
      return lock.run(rec.id, async (): Promise<SaveResult> => {
        const current = await readDoc(rec.id);
        if ((current?.etag ?? null) !== expected) return { ok: false, error: 'conflict' };
        const etag = randomUUID();
        await writeSealed<SessionDoc>(fileOf(rec.id), opts.key, contextOf(rec.id), { etag, record: rec });
        summaries?.set(rec.id, summaryOf(rec));
        return { ok: true, etag };
      });
    },

    async list(filter: ListFilter = {}): Promise<SessionSummaryRow[]> {
      if (!scanning) {
        scanning = scan();
        scanning.catch(() => { scanning = undefined; summaries = undefined; });
      }
      const map = await scanning;
      return [...map.values()]
        .filter((r) => (!filter.authorId || r.authorId === filter.authorId) && (!filter.office || r.office === filter.office))
        .map((r) => ({ ...r }));
    },

    async remove(id: string): Promise<boolean> {
      if (!isSessionId(id)) return false;
      await ensureDir();
      return lock.run(id, async () => {
        summaries?.delete(id);
        return unlinkIfExists(fileOf(id));
      });
    },
  };
}
