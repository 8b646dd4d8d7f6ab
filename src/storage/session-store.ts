import type { SessionRecord } from '../session/record';

/** Opaque version stamp of a stored record; a save with a stale one is refused. */
export type ETag = string;

export interface StoredSession {
  record: SessionRecord;
  etag: ETag;
}

/** What listing returns: enough to filter and sort without decrypting every record twice. */
export interface SessionSummaryRow {
  id: string;
  authorId: string;
  office: string;
  kind: SessionRecord['kind'];
  protocolId: string;
  status: SessionRecord['status'];
  createdAt: string;
  updatedAt: string;
}

export type SaveResult = { ok: true; etag: ETag } | { ok: false; error: 'conflict' };

export interface ListFilter {
  authorId?: string;
  office?: string;
}

/**
 * The port for interview records. Access checks happen above it (see `review/access.ts`): a store
 * stores, it does not decide who reads.
 */
export interface SessionStore {
  load(id: string): Promise<StoredSession | undefined>;
  /** `expected` is the etag read, or `null` for a new record. A mismatch returns `conflict`. */
  save(record: SessionRecord, expected: ETag | null): Promise<SaveResult>;
  list(filter?: ListFilter): Promise<SessionSummaryRow[]>;
  /** Erases the record for good. Returns false when there was nothing to erase. */
  remove(id: string): Promise<boolean>;
}
