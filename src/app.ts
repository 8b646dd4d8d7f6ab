import { join } from 'node:path';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { authEnabled, type Config } from './config';
import { registerDirectLine } from './directline/routes';
import { DirectLineStore } from './directline/store';
import type { DownloadStore } from './http/downloads';
import { checkIncomingActivity } from './http/incoming-activity';
import { readJsonBody } from './http/json-body';
import { sendError, sendJson } from './http/send-error';
import type { Locale } from './i18n';
import type { Logger } from './log';
import { projectRoot } from './paths';
import { defaultWebchatBundlePath, registerWebRoutes } from './web-routes';

/** What the server needs from the bot: botbuilder's ActivityHandler satisfies it. */
export interface Bot {
  run(context: TurnContext): Promise<void>;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  bot: Bot;
  adapter: CloudAdapter;
  /** The `web` namespace strings for a locale (e.g. `lng => i18n.getResourceBundle(lng, 'web')`). */
  webStrings: (lng: Locale) => Record<string, string>;
  /** Defaults to botframework-webchat's `dist/webchat.js`. */
  webchatBundlePath?: string;
  /** Defaults to `<project root>/public`. */
  publicDir?: string;
  /** Local demo mode (role picker on the page). Defaults to: authentication off and no users file. */
  demo?: boolean;
  /** Local Direct Line limits: activities kept per conversation (500) and idle time before a conversation is dropped (60 min). */
  directLine?: { maxActivities?: number; idleMinutes?: number; now?: () => number };
  /** Longest wait for the adapter to authenticate a request before answering 503 (15 s). */
  authWaitMs?: number;
  /** Single-use report and export links (`GET /downloads/:token`). */
  downloads?: DownloadStore;
}

/**
 * Builds Faro's HTTP server without listening: `/api/messages`, `/healthz`, the web page and, only with
 * authentication off, the local Direct Line. Bodies are read and checked here before the adapter sees them.
 */
export function createApp(deps: AppDeps): Server {
  const { config, logger, bot, adapter } = deps;
  const server = restify.createServer({ name: 'faro', handleUncaughtExceptions: false });
  const auth = authEnabled(config);
  const authWaitMs = deps.authWaitMs ?? 15_000;

  /**
   * Runs the adapter, but if the turn has not started within `waitMs` (authentication still fetching
   * signing keys over an unreachable network) answers 503 and makes sure the turn never runs later.
   */
  async function processBounded(req: Request, res: Response, waitMs: number): Promise<void> {
    let started = false;
    let abandoned = false;
    const processing = adapter.process(req, res, async (context) => {
      if (abandoned) return;
      started = true;
      await bot.run(context);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs);
    });
    const outcome = await Promise.race([processing.then(() => 'done' as const), timedOut]).finally(() => clearTimeout(timer));
    if (outcome === 'done' || started) {
      await processing;
      return;
    }
    abandoned = true;
    processing.catch(() => undefined);
    logger.warn({ route: 'messages', code: 'AuthenticationTimeout' }, 'authentication did not finish in time');
    sendError(res, 503, 'AuthenticationUnavailable', 'The request could not be authenticated in time.');
  }

  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      const body = await readJsonBody(req, config.FARO_MAX_BODY_BYTES);
      if (!body.ok) return sendError(res, body.error.status, body.error.code, body.error.message);
      const checked = checkIncomingActivity(body.value, config.FARO_MAX_TEXT_CHARS);
      if (!checked.ok) return sendError(res, checked.error.status, checked.error.code, checked.error.message);
      (req as Request & { body: unknown }).body = checked.activity;
      await processBounded(req, res, authWaitMs);
    } catch (err) {
      logger.error({ route: 'messages', code: (err as { code?: string }).code ?? 'Unexpected' }, 'message request failed');
      sendError(res, 500, 'InternalError', 'The request could not be handled.');
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => sendJson(res, 200, { status: 'ok' }));

  const downloads = deps.downloads;
  if (downloads) {
    server.get('/downloads/:token', async (req: Request, res: Response) => {
      const item = downloads.take(String(req.params.token ?? ''));
      if (!item) return sendError(res, 404, 'DownloadGone', 'This link has expired or was already used.');
      res.writeHead(200, {
        'Content-Type': `${item.contentType}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${item.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(item.body);
    });
  }

  registerWebRoutes(server, {
    publicDir: deps.publicDir ?? join(projectRoot(), 'public'),
    webchatBundlePath: deps.webchatBundlePath ?? defaultWebchatBundlePath(),
    webStrings: deps.webStrings,
    demo: deps.demo ?? (!auth && !config.FARO_USERS_FILE),
    defaultLocale: config.FARO_DEFAULT_LOCALE,
  });

  if (!auth) {
    const dl = deps.directLine ?? {};
    const store = new DirectLineStore({
      maxActivities: dl.maxActivities ?? 500,
      idleMs: (dl.idleMinutes ?? 60) * 60_000,
      now: dl.now ?? Date.now,
    });
    registerDirectLine(server, store, { maxBodyBytes: config.FARO_MAX_BODY_BYTES, maxTextChars: config.FARO_MAX_TEXT_CHARS }, logger);
  }

  server.on('restifyError', (_req: Request, _res: Response, err: { name?: string }, cb: () => void) => {
    logger.debug({ code: err.name ?? 'RestifyError' }, 'request refused');
    cb();
  });
  return server;
}
