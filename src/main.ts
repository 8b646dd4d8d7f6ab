import { composeFaro } from './compose';
import { readConfig } from './config';
import { createLogger } from './log';
import { projectRoot } from './paths';
import { startServer, stopServer } from './server';
import { prepare } from './startup';

/** The composition root: read settings, check them, build Faro, listen, and stop cleanly. */
async function main(): Promise<void> {
  const read = readConfig(process.env);
  if (!read.ok) {
    console.error(`Faro cannot start, the settings are not valid:\n- ${read.errors.join('\n- ')}`);
    process.exit(1);
  }
  const config = read.config;
  const logger = createLogger(config.LOG_LEVEL);
  const rootDir = projectRoot();
  const prepared = await prepare(config, process.env, rootDir);
  if (!prepared.ok) {
    logger.fatal({ event: 'startup.refused' }, prepared.reason);
    process.exit(1);
  }
  for (const w of prepared.warnings) logger.warn({ event: 'startup.warning' }, w);
  if (!prepared.seedsDir) logger.info({ event: 'startup.seeds' }, 'guidance documents not found: source line ranges were not re-checked');

  const faro = composeFaro({ config, logger, key: prepared.key, directory: prepared.directory, rootDir, seedsDir: prepared.seedsDir });
  await faro.store.list();
  const port = await startServer(faro.app, config);
  logger.info({ event: 'startup.listening', port }, `Faro is running: open http://${config.HOST}:${port}`);

  const stop = (signal: string) => {
    logger.info({ event: 'shutdown', signal }, 'stopping');
    stopServer(faro.app).then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Faro stopped on an unexpected error:', err instanceof Error ? `${err.name}: ${err.message}` : 'unknown');
  process.exit(1);
});
