/**
 * Erases every session not changed for more than `FARO_RETENTION_DAYS` days (default 365):
 * `npm run purge`. Each erasure leaves only an audit entry. Prints the ids erased, never content.
 * Run it while the bot is stopped, or from the same host on a schedule: one process owns a data directory.
 */
import { readConfig } from '../src/config';
import { auditKey } from '../src/review/audit';
import { purgeExpired } from '../src/review/retention';
import { auditFilePath, loadExistingKey } from '../src/storage/existing-key';
import { createFileAuditLog } from '../src/storage/file-audit-log';
import { createFileSessionStore } from '../src/storage/file-session-store';
import type { ScriptResult } from './audit-verify';

export async function main(env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<ScriptResult & { erased: string[] }> {
  const cfg = readConfig(env);
  if (!cfg.ok) return { code: 1, erased: [], message: `invalid settings:\n- ${cfg.errors.join('\n- ')}` };
  const { DATA_DIR, FARO_RETENTION_DAYS: days } = cfg.config;
  const key = await loadExistingKey(cfg.config);
  if (!key.ok) return { code: 1, erased: [], message: `cannot purge: ${key.reason}` };
  const store = createFileSessionStore({ dataDir: DATA_DIR, key: key.key });
  const audit = createFileAuditLog({ file: auditFilePath(DATA_DIR), key: auditKey(key.key.key), clock: () => now });
  const erased = await purgeExpired({ store, audit, now, days });
  const lines = [`purged ${erased.length} session(s) not changed for more than ${days} days`, ...erased.map((id) => `- ${id}`)];
  return { code: 0, erased, message: lines.join('\n') };
}

if (require.main === module) {
  main(process.env).then((r) => {
    (r.code === 0 ? console.log : console.error)(r.message);
    process.exitCode = r.code;
  });
}
