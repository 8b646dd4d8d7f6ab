import { randomUUID } from 'node:crypto';
import type { SessionRecord } from '../../src/session/record';
import type { ETag, ListFilter, SaveResult, SessionStore, SessionSummaryRow, StoredSession } from '../../src/storage/session-store';

/** In-memory SessionStore for tests: same contract as the file store, etags included. */
export function memorySessionStore(): SessionStore & { size(): number } {
  const items = new Map<string, StoredSession>();
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    size: () => items.size,
    async load(id) {
      const it = items.get(id);
      return it ? copy(it) : undefined;
    },
    async save(record: SessionRecord, expected: ETag | null): Promise<SaveResult> {
      const current = items.get(record.id);
      if ((current?.etag ?? null) !== expected) return { ok: false, error: 'conflict' };
      const etag = randomUUID();
      items.set(record.id, { record: copy(record), etag });
      return { ok: true, etag };
    },
    async list(filter: ListFilter = {}): Promise<SessionSummaryRow[]> {
      return [...items.values()]
        .map(({ record: r }) => ({
          id: r.id, authorId: r.author.id, office: r.office, kind: r.kind, protocolId: r.state.protocolId,
          status: r.status, createdAt: r.createdAt, updatedAt: r.updatedAt,
        }))
        .filter((r) => (!filter.authorId || r.authorId === filter.authorId) && (!filter.office || r.office === filter.office));
    },
    async remove(id) {
      return items.delete(id);
    },
  };
}
