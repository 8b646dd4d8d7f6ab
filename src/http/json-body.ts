import type { IncomingMessage } from 'node:http';

export type BodyError = { status: 400 | 413; code: 'BodyTooLarge' | 'MalformedJson' | 'BodyUnreadable'; message: string };
export type BodyResult = { ok: true; value: unknown } | { ok: false; error: BodyError };

/** Past this many bytes (or 8× the limit, if larger) an oversized body is no longer drained: the connection is dropped. */
const DRAIN_CAP_BYTES = 16 * 1024 * 1024;

/**
 * Reads a JSON request body of at most `maxBytes`. An oversized body is drained (up to a bound) and
 * answered as a value rather than thrown, so that the client still reads a clean 413. Never rejects.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const tooLarge: BodyResult = {
    ok: false,
    error: { status: 413, code: 'BodyTooLarge', message: `Request body exceeds ${maxBytes} bytes.` },
  };
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (r: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > Math.max(maxBytes * 8, DRAIN_CAP_BYTES)) {
        finish(tooLarge);
        req.socket.destroy();
      }
    });
    req.on('error', () =>
      finish({ ok: false, error: { status: 400, code: 'BodyUnreadable', message: 'Request body could not be read.' } }),
    );
    req.on('end', () => {
      if (size > maxBytes) return finish(tooLarge);
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        finish({ ok: false, error: { status: 400, code: 'MalformedJson', message: 'Request body is not valid JSON.' } });
      }
    });
  });
}
