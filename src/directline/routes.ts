import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../log';
import { readJsonBody } from '../http/json-body';
import { sendError, sendJson } from '../http/send-error';
import type { DirectLineStore, DlConversation } from './store';

/** The id the bot is known by in local Direct Line conversations. */
export const LOCAL_BOT_ID = 'faro-bot';
const TOKEN_TTL_SECONDS = 3600;
const FORWARD_TIMEOUT_MS = 60_000;

const UserActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  from: z.looseObject({ id: z.string().min(1).max(256) }),
  text: z.string().optional(),
});

const BotActivitySchema = z.looseObject({ type: z.string().min(1).max(64) });

export interface DirectLineLimits {
  maxBodyBytes: number;
  /** The bot's own replies may carry files (reports, exports): a larger cap. */
  maxReplyBytes?: number;
  maxTextChars: number;
}

type Handler = (req: Request, res: Response) => Promise<void>;

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** `http://<address>:<port>` of the socket the request came in on: the server as its clients reach it. */
function selfUrl(req: IncomingMessage): string {
  const raw = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = raw === '::' || raw === '0.0.0.0' ? '127.0.0.1' : raw.includes(':') ? `[${raw}]` : raw;
  return `http://${host}:${req.socket.localPort ?? 0}`;
}

const conversationBody = (c: DlConversation): Record<string, unknown> => ({
  conversationId: c.id,
  token: c.token,
  expires_in: TOKEN_TTL_SECONDS,
});

/**
 * Registers a local Direct Line 3.0 (polling only) and the connector endpoints the bot replies to.
 * Only for authentication off, behind a loopback listener: the page's Web Chat talks to it and user
 * activities are forwarded to `/api/messages` over loopback HTTP. Each conversation has its own random
 * token; conversation requests without it get 401. Activities are never logged.
 */
export function registerDirectLine(server: Server, store: DirectLineStore, limits: DirectLineLimits, logger: Logger): void {
  const guard = (name: string, h: Handler): Handler => async (req, res) => {
    try {
      await h(req, res);
    } catch (err) {
      logger.error({ route: name, code: (err as { code?: string }).code ?? 'Unexpected' }, 'directline request failed');
      sendError(res, 500, 'InternalError', 'The request could not be handled.');
    }
  };

  const authorized = (req: Request, res: Response): DlConversation | undefined => {
    const conv = store.authorize(String(req.params.id ?? ''), bearer(req));
    if (!conv) sendError(res, 401, 'Unauthorized', 'A valid token for this conversation is required.');
    return conv;
  };

  const start: Handler = async (req, res) => {
    const token = bearer(req);
    if (token) {
      const existing = store.byToken(token);
      if (!existing) return sendError(res, 401, 'Unauthorized', 'Unknown token.');
      return sendJson(res, 201, conversationBody(existing));
    }
    const conv = store.create();
    logger.debug({ conversationId: conv.id }, 'directline conversation created');
    sendJson(res, 201, conversationBody(conv));
  };

  server.post('/v3/directline/tokens/generate', guard('generate', async (_req, res) => {
    const conv = store.create();
    logger.debug({ conversationId: conv.id }, 'directline conversation created');
    sendJson(res, 200, conversationBody(conv));
  }));
  server.post('/v3/directline/tokens/refresh', guard('refresh', async (req, res) => {
    const conv = store.byToken(bearer(req));
    if (!conv) return sendError(res, 401, 'Unauthorized', 'Unknown token.');
    sendJson(res, 200, conversationBody(conv));
  }));
  server.post('/v3/directline/conversations', guard('start', start));
  server.get('/v3/directline/conversations/:id', guard('reconnect', async (req, res) => {
    const conv = authorized(req, res);
    if (conv) sendJson(res, 200, conversationBody(conv));
  }));

  server.get('/v3/directline/conversations/:id/activities', guard('poll', async (req, res) => {
    const conv = authorized(req, res);
    if (!conv) return;
    const url = new URL(req.url ?? '/', 'http://local');
    const watermark = Number.parseInt(url.searchParams.get('watermark') ?? '', 10);
    sendJson(res, 200, store.since(conv, Number.isFinite(watermark) ? watermark : 0));
  }));

  server.post('/v3/directline/conversations/:id/activities', guard('post', async (req, res) => {
    const conv = authorized(req, res);
    if (!conv) {
      req.resume();
      return;
    }
    const body = await readJsonBody(req, limits.maxBodyBytes);
    if (!body.ok) return sendError(res, body.error.status, body.error.code, body.error.message);
    const parsed = UserActivitySchema.safeParse(body.value);
    if (!parsed.success) return sendError(res, 400, 'InvalidActivity', 'Not a valid activity: it needs a type and from.id.');
    if ((parsed.data.text?.length ?? 0) > limits.maxTextChars) {
      return sendError(res, 413, 'TextTooLong', `Activity text exceeds ${limits.maxTextChars} characters.`);
    }
    const base = selfUrl(req);
    const stored = store.append(conv, {
      ...parsed.data,
      channelId: 'directline',
      serviceUrl: base,
      conversation: { id: conv.id },
      from: { ...parsed.data.from, role: 'user' },
      recipient: { id: LOCAL_BOT_ID, name: 'Faro', role: 'bot' },
    });
    const forwarded = await forward(`${base}/api/messages`, stored);
    if (!forwarded.ok) {
      logger.warn({ conversationId: conv.id, status: forwarded.status }, 'bot did not accept a directline activity');
      return sendError(res, 502, 'BotUnavailable', 'The bot did not accept the activity.');
    }
    sendJson(res, 200, { id: stored.id });
  }));

  const reply: Handler = async (req, res) => {
    const conv = store.get(String(req.params.id ?? ''));
    if (!conv) {
      req.resume();
      return sendError(res, 404, 'ConversationNotFound', 'No such conversation.');
    }
    const body = await readJsonBody(req, limits.maxReplyBytes ?? 16 * 1024 * 1024);
    if (!body.ok) return sendError(res, body.error.status, body.error.code, body.error.message);
    const parsed = BotActivitySchema.safeParse(body.value);
    if (!parsed.success) return sendError(res, 400, 'InvalidActivity', 'Not a valid activity: it needs a type.');
    const from = (parsed.data.from as Record<string, unknown> | undefined) ?? { id: LOCAL_BOT_ID };
    const keepId = req.method === 'PUT' ? String(req.params.activityId ?? '') : undefined;
    const stored = store.append(conv, { ...parsed.data, conversation: { id: conv.id }, from: { ...from, role: 'bot' } }, keepId);
    sendJson(res, 200, { id: stored.id });
  };
  server.post('/v3/conversations/:id/activities', guard('reply', reply));
  server.post('/v3/conversations/:id/activities/:replyToId', guard('reply', reply));
  server.put('/v3/conversations/:id/activities/:activityId', guard('update', reply));

  // Anything else the SDK may call under /v3/conversations (members, delete …) is acknowledged.
  const ack: Handler = async (req, res) => {
    req.resume();
    sendJson(res, 200, {});
  };
  for (const method of ['get', 'post', 'put', 'del', 'patch'] as const) server[method]('/v3/conversations/*', guard('ack', ack));
}

async function forward(url: string, activity: unknown): Promise<{ ok: true } | { ok: false; status: number }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.ok ? { ok: true } : { ok: false, status: res.status };
  } catch {
    return { ok: false, status: 0 };
  }
}
