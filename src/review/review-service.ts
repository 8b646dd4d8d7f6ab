import type { SessionRecord, SessionStatus } from '../session/record';
import type { ETag, SessionStore, SessionSummaryRow } from '../storage/session-store';
import { canRead } from './access';
import type { AuditAction, AuditLog } from './audit';
import type { Directory } from './directory';
import type { QualityFlag } from './quality-flags';
import type { User } from './roles';
import { transition, type ReviewAction } from './workflow';

export type OpenPurpose = 'read' | 'export';

/** Why something was refused. Carries no content of the session, not even whether it exists for others. */
export type ReviewError =
  | 'not-found' | 'not-author' | 'other-office' | 'privileged' | 'not-supervisor' | 'own-session'
  | 'wrong-state' | 'text-required' | 'conflict';

export type OpenResult = { ok: true; record: SessionRecord; etag: ETag; as: 'author' | 'supervisor' } | { ok: false; error: ReviewError };
export type ActResult = { ok: true; record: SessionRecord } | { ok: false; error: ReviewError };
export type EraseResult = { ok: true } | { ok: false; error: ReviewError };

export interface QueueQuery {
  /** Default: `['submitted']`. */
  states?: readonly SessionStatus[];
  /** Inclusive bounds on the last update (ISO date or date-time). */
  from?: string;
  to?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface QueueItem extends SessionSummaryRow {
  /** How many quality flags the record raises (0 when no flag reader is configured). */
  flagCount: number;
}

export type QueueResult =
  | { ok: true; items: QueueItem[]; total: number; page: number; pages: number; pageSize: number; states: SessionStatus[] }
  | { ok: false; error: 'not-supervisor' };

export interface ReviewServiceDeps {
  store: SessionStore;
  audit: AuditLog;
  directory: Directory;
  clock: () => Date;
  /** Quality flags of a record (usually `qualityFlags` with the record's protocol and the catalogue). */
  flagsOf?: (record: SessionRecord) => QualityFlag[];
}

export interface ReviewService {
  open(user: User, sessionId: string, purpose: OpenPurpose, detail?: 'notes'): Promise<OpenResult>;
  queue(supervisor: User, query?: QueueQuery): Promise<QueueResult>;
  act(user: User, sessionId: string, action: ReviewAction, text?: string): Promise<ActResult>;
  erase(user: User, sessionId: string): Promise<EraseResult>;
  recordCreate(user: User, sessionId: string): Promise<void>;
  recordChange(user: User, sessionId: string): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;

/** `to` given as a bare date includes that whole day. */
const upperBound = (to: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : new Date(to).toISOString());
const lowerBound = (from: string): string => new Date(from).toISOString();

/**
 * The supervisors' review and every access to a session, with the audit trail. Every attempt to open,
 * list, act on or erase a session is audited, allowed or not; a refusal returns an error code and
 * nothing of the session.
 */
export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const { store, audit, directory } = deps;

  const log = async (user: User, action: AuditAction, sessionId: string | undefined, outcome: 'allowed' | 'denied', code?: string): Promise<void> => {
    await audit.append({ actor: { id: user.id, role: user.role }, action, ...(sessionId ? { sessionId } : {}), outcome, ...(code ? { code } : {}) });
  };

  /** Loads and checks read access; audits refusals under `action`. */
  async function readable(user: User, sessionId: string, action: AuditAction) {
    const stored = await store.load(sessionId);
    if (!stored) {
      await log(user, action, sessionId, 'denied', 'not-found');
      return { ok: false as const, error: 'not-found' as const };
    }
    const access = canRead(user, stored.record, directory);
    if (!access.ok) {
      await log(user, action, sessionId, 'denied', access.reason);
      return { ok: false as const, error: access.reason };
    }
    return { ok: true as const, stored, as: access.as };
  }

  return {
    async open(user, sessionId, purpose, detail) {
      const r = await readable(user, sessionId, purpose);
      if (!r.ok) return { ok: false, error: r.error };
      await log(user, purpose, sessionId, 'allowed', detail);
      return { ok: true, record: r.stored.record, etag: r.stored.etag, as: r.as };
    },

    async queue(supervisor, query = {}) {
      if (supervisor.role !== 'supervisor') {
        await log(supervisor, 'list', undefined, 'denied', 'not-supervisor');
        return { ok: false, error: 'not-supervisor' };
      }
      const states = [...(query.states?.length ? query.states : (['submitted'] as const))];
      const from = query.from ? lowerBound(query.from) : undefined;
      const to = query.to ? upperBound(query.to) : undefined;
      const rows = (await store.list({ office: supervisor.office }))
        .filter((r) => canRead(supervisor, { author: { id: r.authorId, role: 'officer', office: r.office }, office: r.office, kind: r.kind }, directory).ok)
        .filter((r) => states.includes(r.status))
        .filter((r) => (!from || r.updatedAt >= from) && (!to || r.updatedAt <= to))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
      const pages = Math.max(1, Math.ceil(rows.length / pageSize));
      const page = Math.min(pages, Math.max(1, Math.floor(query.page ?? 1)));
      const items: QueueItem[] = [];
      for (const row of rows.slice((page - 1) * pageSize, page * pageSize)) {
        const stored = deps.flagsOf ? await store.load(row.id) : undefined;
        items.push({ ...row, flagCount: stored && deps.flagsOf ? deps.flagsOf(stored.record).length : 0 });
      }
      await log(supervisor, 'list', undefined, 'allowed', `page-${page}`);
      return { ok: true, items, total: rows.length, page, pages, pageSize, states };
    },

    async act(user, sessionId, action, text) {
      const r = await readable(user, sessionId, action);
      if (!r.ok) return { ok: false, error: r.error };
      const next = transition(r.stored.record, action, user, deps.clock(), text);
      if (!next.ok) {
        await log(user, action, sessionId, 'denied', next.error);
        return { ok: false, error: next.error };
      }
      const saved = await store.save(next.record, r.stored.etag);
      if (!saved.ok) {
        await log(user, action, sessionId, 'denied', 'conflict');
        return { ok: false, error: 'conflict' };
      }
      await log(user, action, sessionId, 'allowed');
      return { ok: true, record: next.record };
    },

    async erase(user, sessionId) {
      const r = await readable(user, sessionId, 'delete');
      if (!r.ok) return { ok: false, error: r.error };
      if (!(await store.remove(sessionId))) {
        await log(user, 'delete', sessionId, 'denied', 'not-found');
        return { ok: false, error: 'not-found' };
      }
      await log(user, 'delete', sessionId, 'allowed', r.as);
      return { ok: true };
    },

    recordCreate: (user, sessionId) => log(user, 'create', sessionId, 'allowed'),
    recordChange: (user, sessionId) => log(user, 'change', sessionId, 'allowed'),
  };
}
