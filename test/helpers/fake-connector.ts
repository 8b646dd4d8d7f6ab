import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface RecordedReply {
  conversationId: string;
  /** Set when the bot replied to an activity (`POST …/activities/:replyToId`). */
  replyToId?: string;
  activity: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface FakeConnector {
  /** Use as the activity's `serviceUrl`. */
  readonly url: string;
  readonly replies: RecordedReply[];
  /** Resolves once at least `count` replies arrived (all of them so far), or rejects after `timeoutMs`. */
  waitForReplies(count: number, timeoutMs?: number): Promise<RecordedReply[]>;
  close(): Promise<void>;
}

/**
 * A local Bot Connector on 127.0.0.1 (port 0) that records what the bot sends:
 * `POST /v3/conversations/:conv/activities[/:replyTo]` → 200 `{ id }`. Anything else → 404.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const replies: RecordedReply[] = [];
  const waiters: Array<() => void> = [];
  let seq = 0;
  const server = createServer((req, res) => {
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !m) {
        res.statusCode = 404;
        res.end();
        return;
      }
      let activity: Record<string, unknown> = {};
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      const reply: RecordedReply = { conversationId: decodeURIComponent(m[1]!), activity, headers: req.headers };
      if (m[2]) reply.replyToId = decodeURIComponent(m[2]);
      replies.push(reply);
      // No chaining on writeHead: restify patches http.ServerResponse process-wide and returns undefined.
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${++seq}` }));
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitForReplies = (count: number, timeoutMs = 5000): Promise<RecordedReply[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} replies, got ${replies.length} in ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        if (replies.length >= count) {
          clearTimeout(timer);
          resolve([...replies]);
        } else waiters.push(check);
      };
      check();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    replies,
    waitForReplies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
