import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authEnabled, type Config } from './config';
import { checkListen } from './listen-guard';
import { demoDirectory, fileDirectory, type Directory } from './review/directory';
import { UsersFile } from './review/roles';
import type { DataKey } from './storage/crypto';
import { loadOrCreateKey } from './storage/key';
import { checkDataKey } from './storage/key-check';

export type Prepared =
  | { ok: true; key: DataKey; directory: Directory; seedsDir: string | null; warnings: string[] }
  | { ok: false; reason: string };

/**
 * Everything Faro checks before it builds anything: where it may listen, the people it knows, the data
 * key (created in local mode, required with an app id, and matching the data already stored), and the
 * guidance documents for the content check. Each refusal says what to change.
 */
export async function prepare(config: Config, env: NodeJS.ProcessEnv, rootDir: string): Promise<Prepared> {
  const listen = checkListen(config);
  if (!listen.ok) return { ok: false, reason: listen.reason };
  const warnings: string[] = [];

  let directory: Directory;
  if (config.FARO_USERS_FILE) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(config.FARO_USERS_FILE, 'utf8'));
    } catch (err) {
      return { ok: false, reason: `FARO_USERS_FILE ${config.FARO_USERS_FILE} could not be read as JSON (${(err as Error).message.split('\n')[0]})` };
    }
    const users = UsersFile.safeParse(raw);
    if (!users.success) {
      return { ok: false, reason: `FARO_USERS_FILE ${config.FARO_USERS_FILE} is not valid: ${users.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
    }
    directory = fileDirectory(users.data);
  } else if (authEnabled(config)) {
    return { ok: false, reason: 'MicrosoftAppId is set but FARO_USERS_FILE is not: with authentication on, Faro only serves the people listed in a users file.' };
  } else {
    directory = demoDirectory();
    warnings.push('No FARO_USERS_FILE: local demo mode, the web page lets each visitor pick a role.');
  }

  const key = await loadOrCreateKey({ dataDir: config.DATA_DIR, envKey: config.FARO_ENCRYPTION_KEY, appId: config.MicrosoftAppId });
  if (!key.ok) return { ok: false, reason: key.reason };
  if (key.warning) warnings.push(key.warning.message);
  const matches = await checkDataKey(config.DATA_DIR, key.key);
  if (!matches.ok) return { ok: false, reason: matches.reason };

  const seeds = env.FARO_SEEDS_DIR ?? join(rootDir, '..', 'shared', 'seeds');
  const seedsDir = existsSync(seeds) ? seeds : null;
  return { ok: true, key: key.key, directory, seedsDir, warnings };
}
