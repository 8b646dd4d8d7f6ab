import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeFaro, type Faro } from '../../src/compose';
import { ConfigSchema, type Config } from '../../src/config';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/paths';
import type { User } from '../../src/review/roles';
import { startServer, stopServer } from '../../src/server';
import { prepare } from '../../src/startup';

export interface RealFaro {
  url: string;
  port: number;
  dataDir: string;
  config: Config;
  faro: Faro;
  warnings: string[];
  close(): Promise<void>;
}

export interface RealFaroOptions {
  /** Reuse a DATA_DIR (a restart); a fresh temp folder otherwise. */
  dataDir?: string;
  /** Further settings, as in the environment (e.g. FARO_ENCRYPTION_KEY, FARO_ALLOWED_TENANTS). */
  env?: Record<string, string>;
  /** When given, written to a users file in DATA_DIR's parent and set as FARO_USERS_FILE. */
  users?: User[];
  clock?: () => Date;
}

/** A fresh temp folder for a test's DATA_DIR. */
export function tempDataDir(prefix = 'faro-e2e-'): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), 'data');
}

/**
 * Starts the real Faro the way `main.ts` does (settings, `prepare`, `composeFaro`, `startServer`) on
 * 127.0.0.1, port 0. Start it again with the same `dataDir` (and key) to test a restart.
 */
export async function startRealFaro(opts: RealFaroOptions = {}): Promise<RealFaro> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const env: Record<string, string> = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...opts.env };
  if (opts.users) {
    const file = join(dataDir, '..', 'users.json');
    writeFileSync(file, JSON.stringify({ users: opts.users }));
    env.FARO_USERS_FILE = file;
  }
  const config = ConfigSchema.parse(env);
  const rootDir = projectRoot();
  const prepared = await prepare(config, env, rootDir);
  if (!prepared.ok) throw new Error(`Faro refused to start: ${prepared.reason}`);
  const logger = createLogger(config.LOG_LEVEL);
  const faro = composeFaro({ config, logger, key: prepared.key, directory: prepared.directory, rootDir, seedsDir: prepared.seedsDir, clock: opts.clock });
  await faro.store.list();
  const port = await startServer(faro.app, config);
  return {
    url: `http://127.0.0.1:${port}`, port, dataDir, config, faro, warnings: prepared.warnings,
    close: () => stopServer(faro.app),
  };
}
