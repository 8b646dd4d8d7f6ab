import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { KEY_FILE_NAME, loadOrCreateKey, type KeyResult } from './key';

/** Where the audit trail lives: `DATA_DIR/audit/audit.jsonl`. */
export const auditFilePath = (dataDir: string): string => join(dataDir, 'audit', 'audit.jsonl');

/**
 * The data key for maintenance commands: like `loadOrCreateKey`, but never creates a key file. A new
 * key could read nothing already stored, so its absence is reported as an error instead.
 */
export async function loadExistingKey(config: Config): Promise<KeyResult> {
  if (!config.FARO_ENCRYPTION_KEY && !config.MicrosoftAppId && !existsSync(join(config.DATA_DIR, KEY_FILE_NAME))) {
    return {
      ok: false, error: 'key-required',
      reason: `no key found: FARO_ENCRYPTION_KEY is not set and there is no ${join(config.DATA_DIR, KEY_FILE_NAME)}`,
    };
  }
  return loadOrCreateKey({ dataDir: config.DATA_DIR, envKey: config.FARO_ENCRYPTION_KEY, appId: config.MicrosoftAppId });
}
