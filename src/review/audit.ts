import { createHmac, hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { Role } from './roles';

/**
 * The audit trail: who did what to which session, and when. Never content. Each entry carries an
 * HMAC over the previous entry's MAC and its own fields, so editing, removing or reordering any entry
 * breaks the chain from that point on; without the key the chain cannot be recomputed.
 */
export const AUDIT_ACTIONS = [
  'create', 'read', 'change', 'export', 'submit', 'comment', 'request-changes', 'sign-off', 'delete', 'purge', 'list',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z.object({
  actor: z.object({ id: z.string(), role: z.union([Role, z.literal('system')]) }).strict(),
  action: AuditAction,
  sessionId: z.string().optional(),
  outcome: z.enum(['allowed', 'denied']),
  /** A short code, never content (e.g. `privileged`, `other-office`, `retention`). */
  code: z.string().max(64).optional(),
}).strict();
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEntry = AuditEvent.extend({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  prev: z.string(),
  mac: z.string(),
}).strict();
export type AuditEntry = z.infer<typeof AuditEntry>;

export const GENESIS = '0'.repeat(64);

/** The audit key, derived from the storage key so one secret protects both. */
export function auditKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), Buffer.from('faro-audit-chain-v1'), 32));
}

/** Canonical bytes of an entry without its MAC: fixed field order, so the MAC is reproducible. */
function canonical(e: Omit<AuditEntry, 'mac'>): string {
  return JSON.stringify([e.seq, e.at, e.prev, e.actor.id, e.actor.role, e.action, e.sessionId ?? null, e.outcome, e.code ?? null]);
}

export function macOf(key: Buffer, e: Omit<AuditEntry, 'mac'>): string {
  return createHmac('sha256', key).update(canonical(e)).digest('hex');
}

/** The next entry after `last` (or the first one). */
export function chainEntry(key: Buffer, last: AuditEntry | undefined, event: AuditEvent, at: Date): AuditEntry {
  const base = { ...AuditEvent.parse(event), seq: last ? last.seq + 1 : 0, at: at.toISOString(), prev: last ? last.mac : GENESIS };
  return { ...base, mac: macOf(key, base) };
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: 'malformed' | 'sequence' | 'link' | 'mac' };

/** Checks every entry's shape, sequence, link to the previous one and MAC. */
export function verifyChain(key: Buffer, lines: readonly string[]): VerifyResult {
  let prev = GENESIS;
  let count = 0;
  for (const [i, line] of lines.entries()) {
    let entry: AuditEntry;
    try {
      entry = AuditEntry.parse(JSON.parse(line));
    } catch {
      return { ok: false, count, brokenAt: i, reason: 'malformed' };
    }
    if (entry.seq !== i) return { ok: false, count, brokenAt: i, reason: 'sequence' };
    if (entry.prev !== prev) return { ok: false, count, brokenAt: i, reason: 'link' };
    const { mac, ...rest } = entry;
    if (macOf(key, rest) !== mac) return { ok: false, count, brokenAt: i, reason: 'mac' };
    prev = mac;
    count++;
  }
  return { ok: true, count };
}

/** The port: append events, read entries back (e.g. for a supervisor's own review). */
export interface AuditLog {
  append(event: AuditEvent): Promise<AuditEntry>;
  entries(): Promise<AuditEntry[]>;
}
