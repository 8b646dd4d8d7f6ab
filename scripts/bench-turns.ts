import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeFaro } from '../src/compose';
import { ConfigSchema } from '../src/config';
import { createLogger } from '../src/log';
import { projectRoot } from '../src/paths';
import { startServer, stopServer } from '../src/server';
import { prepare } from '../src/startup';

/**
 * Measures whole turns through the real Faro: N concurrent demo officers each walk the interview
 * (start, then next and note turns) over loopback HTTP to `/api/messages`, with a local connector that
 * accepts the replies. A turn's latency is from the POST until Faro answers it (its replies already sent).
 * Usage: node dist/scripts/bench-turns.js [--conversations 20] [--turns 10] [--budget-ms 45000]
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (x: number): string => (x / 1024 / 1024).toFixed(0);

/** A connector that answers every reply with 200 and counts them. */
async function startConnector(): Promise<{ url: string; count: () => number; server: Server }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n += 1;
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `r${n}` }));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => n, server };
}

async function main(): Promise<void> {
  const conversations = arg('conversations', 20);
  const turnsPerWalk = arg('turns', 10);
  const budgetMs = Math.min(arg('budget-ms', 45_000), 55_000);
  const root = await mkdtemp(join(tmpdir(), 'faro-bench-turns-'));
  const env = {
    HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: join(root, 'data'),
    FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const config = ConfigSchema.parse(env);
  const prepared = await prepare(config, env, projectRoot());
  if (!prepared.ok) throw new Error(prepared.reason);
  const faro = composeFaro({ config, logger: createLogger('silent'), key: prepared.key, directory: prepared.directory, rootDir: projectRoot(), seedsDir: prepared.seedsDir });
  const port = await startServer(faro.app, config);
  const connector = await startConnector();
  const url = `http://127.0.0.1:${port}/api/messages`;

  const latencies: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  const deadline = t0 + budgetMs;

  async function turn(user: string, conv: string, text: string): Promise<void> {
    const activity = {
      type: 'message', id: randomUUID(), text, locale: 'es-ES', channelId: 'emulator', serviceUrl: connector.url,
      timestamp: new Date().toISOString(), from: { id: user }, recipient: { id: 'faro' }, conversation: { id: conv },
    };
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await res.arrayBuffer();
    latencies.push(performance.now() - start);
    if (res.status !== 200) failures += 1;
  }

  async function walker(w: number): Promise<number> {
    let walks = 0;
    while (performance.now() < deadline) {
      const user = `demo-officer-bench${w}x${walks}`;
      const conv = `bench-${w}-${walks}`;
      await turn(user, conv, 'start interview');
      for (let i = 1; i < turnsPerWalk && performance.now() < deadline; i += 1) {
        await turn(user, conv, i % 2 ? 'next' : `note Observación de prueba ${i} en la conversación ${w}`);
      }
      walks += 1;
      if (walks * conversations >= 2000) break;
    }
    return walks;
  }

  const walks = (await Promise.all(Array.from({ length: conversations }, (_, w) => walker(w)))).reduce((a, b) => a + b, 0);
  const elapsed = (performance.now() - t0) / 1000;
  const mem = process.memoryUsage();
  const sorted = [...latencies].sort((a, b) => a - b);
  const sessions = (await faro.store.list()).length;

  await stopServer(faro.app);
  await new Promise<void>((resolve) => { connector.server.close(() => resolve()); connector.server.closeAllConnections(); });
  await rm(root, { recursive: true, force: true });

  const rows: [string, string][] = [
    ['concurrent conversations', String(conversations)],
    ['turns per walk', String(turnsPerWalk)],
    ['walks completed', String(walks)],
    ['turns', String(latencies.length)],
    ['failed turns (non-200)', String(failures)],
    ['replies received by the connector', String(connector.count())],
    ['sessions stored', String(sessions)],
    ['elapsed (s)', elapsed.toFixed(1)],
    ['turns/s', (latencies.length / elapsed).toFixed(1)],
    ['latency p50 (ms)', pct(sorted, 50).toFixed(1)],
    ['latency p90 (ms)', pct(sorted, 90).toFixed(1)],
    ['latency p99 (ms)', pct(sorted, 99).toFixed(1)],
    ['rss (MB)', mb(mem.rss)],
    ['heap used (MB)', mb(mem.heapUsed)],
  ];
  console.log(`| measure | value |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`);
}

main().catch((err: unknown) => {
  console.error('bench-turns failed:', err instanceof Error ? err.message : 'unknown');
  process.exitCode = 1;
});
