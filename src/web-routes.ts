import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { normalizeLocale, type Locale } from './i18n';
import { sendError, sendJson } from './http/send-error';

/** Where botframework-webchat's prebuilt browser bundle lives (it is outside the package `exports`). */
export function defaultWebchatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

export interface WebRoutesDeps {
  publicDir: string;
  webchatBundlePath: string;
  webStrings: (lng: Locale) => Record<string, string>;
  demo: boolean;
  defaultLocale: Locale;
}

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

async function sendFile(res: Response, path: string, type: string, cache: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return sendError(res, 404, 'NotFound', 'Not found.');
  }
  res.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': cache, ...SECURITY_HEADERS });
  await new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/** The web page, the Web Chat bundle, the page's settings and its strings (namespace `web`). */
export function registerWebRoutes(server: Server, deps: WebRoutesDeps): void {
  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    server.get(route, async (_req: Request, res: Response) => sendFile(res, join(deps.publicDir, file), type, 'no-cache'));
  }
  server.get('/webchat.js', async (_req: Request, res: Response) =>
    sendFile(res, deps.webchatBundlePath, 'text/javascript; charset=utf-8', 'public, max-age=3600'),
  );
  server.get('/config.json', async (_req: Request, res: Response) =>
    sendJson(res, 200, { demo: deps.demo, defaultLocale: deps.defaultLocale }),
  );
  server.get('/i18n/web/:lng', async (req: Request, res: Response) => {
    const lng = normalizeLocale(String(req.params.lng ?? '')) ?? deps.defaultLocale;
    sendJson(res, 200, deps.webStrings(lng));
  });
}
