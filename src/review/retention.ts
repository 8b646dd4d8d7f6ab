import type { AuditLog } from './audit';
import type { SessionStore, SessionSummaryRow } from '../storage/session-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sessions not touched for more than `days` days at `now`. */
export function expiredSessions(rows: readonly SessionSummaryRow[], now: Date, days: number): SessionSummaryRow[] {
  const cutoff = now.getTime() - days * DAY_MS;
  return rows.filter((r) => Date.parse(r.updatedAt) < cutoff);
}

/**
 * Deletes every session past the retention period, leaving only an audit entry for each.
 * Returns the ids erased.
 */
export async function purgeExpired(deps: { store: SessionStore; audit: AuditLog; now: Date; days: number }): Promise<string[]> {
  const erased: string[] = [];
  for (const row of expiredSessions(await deps.store.list(), deps.now, deps.days)) {
    if (await deps.store.remove(row.id)) {
      await deps.audit.append({ actor: { id: 'retention', role: 'system' }, action: 'purge', sessionId: row.id, outcome: 'allowed', code: 'retention' });
      erased.push(row.id);
    }
  }
  return erased;
}
