import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { peekEnvelope, type DataKey } from './crypto';

export type KeyCheck =
  | { ok: true; checked: number }
  | { ok: false; error: 'key-mismatch'; found: string; expected: string; reason: string };

/**
 * Start-up check that the configured key is the one the data was written with: reads the header
 * (not the content) of up to `sample` files in `sessions/` and `state/` and compares key ids.
 * Lets the composition root refuse to start with a wrong key instead of failing on every turn.
 * Files that are not envelopes are ignored here; the stores quarantine them when they meet them.
 */
export async function checkDataKey(dataDir: string, key: DataKey, sample = 3): Promise<KeyCheck> {
  let checked = 0;
  for (const sub of ['sessions', 'state']) {
    let names: string[];
    try {
      names = (await readdir(join(dataDir, sub))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const name of names.slice(0, sample)) {
      const env = peekEnvelope(await readHead(join(dataDir, sub, name)));
      if (!env) continue;
      checked++;
      if (env.kid !== key.kid) {
        return {
          ok: false, error: 'key-mismatch', found: env.kid, expected: key.kid,
          reason: `data in ${dataDir} was written with key ${env.kid}, but the configured key is ${key.kid}`,
        };
      }
    }
  }
  return { ok: true, checked };
}

async function readHead(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return ''; // removed or unreadable meanwhile: nothing to compare
  }
}
