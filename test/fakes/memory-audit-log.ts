import { auditKey, chainEntry, type AuditEntry, type AuditLog } from '../../src/review/audit';

export const MEMORY_AUDIT_KEY = auditKey(Buffer.alloc(32, 1));

/** In-memory AuditLog with the real chaining, for tests. */
export function memoryAuditLog(clock: () => Date = () => new Date('2026-06-01T00:00:00Z')): AuditLog & { lines: string[] } {
  const lines: string[] = [];
  let last: AuditEntry | undefined;
  return {
    lines,
    async append(e) {
      last = chainEntry(MEMORY_AUDIT_KEY, last, e, clock());
      lines.push(JSON.stringify(last));
      return last;
    },
    async entries() {
      return lines.map((l) => JSON.parse(l) as AuditEntry);
    },
  };
}
