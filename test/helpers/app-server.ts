import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';
import { createApp, type AppDeps, type Bot } from '../../src/app';
import { ConfigSchema, type Config } from '../../src/config';
import { createI18n, readLocaleResources } from '../../src/i18n';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/paths';
import { startServer, stopServer } from '../../src/server';

export interface RunningApp {
  url: string;
  port: number;
  server: Server;
  config: Config;
  close(): Promise<void>;
}

/** A config for tests: 127.0.0.1, port 0, plus `env` (strings, as in the environment). */
export function testConfig(env: Record<string, string> = {}): Config {
  return ConfigSchema.parse({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
}

/** A CloudAdapter configured from `config` the way the composition root does it. */
export function adapterFor(config: Config): CloudAdapter {
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId ?? '',
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
      MicrosoftAppType: config.MicrosoftAppType ?? '',
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    }),
  );
}

/** The real `web` strings, read from `locales/`. */
export function realWebStrings(): AppDeps['webStrings'] {
  const i18n = createI18n(readLocaleResources(join(projectRoot(), 'locales')));
  return (lng) => i18n.getResourceBundle(lng, 'web') as Record<string, string>;
}

/** Builds the app around `bot` and listens on 127.0.0.1, port 0. */
export async function startTestApp(bot: Bot, env: Record<string, string> = {}, extra: Partial<AppDeps> = {}): Promise<RunningApp> {
  const config = testConfig(env);
  const server = createApp({
    config,
    logger: createLogger('silent'),
    bot,
    adapter: adapterFor(config),
    webStrings: realWebStrings(),
    ...extra,
  });
  const port = await startServer(server, config);
  return { url: `http://127.0.0.1:${port}`, port, server, config, close: () => stopServer(server) };
}
