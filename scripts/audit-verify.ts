/**
 * Verifies the audit trail: `npm run audit:verify`. Reads `DATA_DIR/audit/audit.jsonl` and checks each
 * entry's shape, sequence, link and HMAC with the key derived from the data key (`FARO_ENCRYPTION_KEY`
 * or `DATA_DIR/faro.key`; never creates one). Exit 0 when the whole chain holds, 1 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../src/config';
import { auditKey, verifyChain } from '../src/review/audit';
import { auditFilePath, loadExistingKey } from '../src/storage/existing-key';

export interface ScriptResult {
  code: 0 | 1;
  message: string;
}

const REASONS = {
  malformed: 'the line is not a valid audit entry',
  sequence: 'its sequence number is out of order (an entry was removed, added or moved)',
  link: 'it does not link to the entry before it (an entry was removed, added or moved)',
  mac: 'its MAC does not match its content (the entry was edited, or another key is in use)',
} as const;

export async function main(env: NodeJS.ProcessEnv): Promise<ScriptResult> {
  const cfg = readConfig(env);
  if (!cfg.ok) return { code: 1, message: `invalid settings:\n- ${cfg.errors.join('\n- ')}` };
  const key = await loadExistingKey(cfg.config);
  if (!key.ok) return { code: 1, message: `cannot verify the audit trail: ${key.reason}` };
  const file = auditFilePath(cfg.config.DATA_DIR);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return { code: 1, message: `no audit trail at ${file}` };
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const result = verifyChain(auditKey(key.key.key), lines);
  if (result.ok) return { code: 0, message: `audit chain OK: ${result.count} entries` };
  return {
    code: 1,
    message: `audit chain BROKEN at entry ${result.brokenAt} (line ${result.brokenAt + 1} of ${file}): ${REASONS[result.reason]}. `
      + `${result.count} entries before it verify.`,
  };
}

if (require.main === module) {
  main(process.env).then((r) => {
    (r.code === 0 ? console.log : console.error)(r.message);
    process.exitCode = r.code;
  });
}
