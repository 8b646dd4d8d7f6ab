import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionRecord } from '../src/session/record';
import { dataKey } from '../src/storage/crypto';
import { createEncryptedBotStorage } from '../src/storage/encrypted-bot-storage';
import { createFileSessionStore, type FileSessionStore } from '../src/storage/file-session-store';

/**
 * Measures the encrypted per-session file store: save and load latency (p50/p90) with 100, 1 000
 * and 5 000 stored sessions, the one-off listing scan of a fresh instance, and memory.
 * Usage: node dist/scripts/bench-storage.js [--sizes 100,1000,5000] [--samples 200] [--dir /path]
 * The run stops filling when the time budget (FARO_BENCH_BUDGET_MS, default 50 000) is spent.
 */

const at = '2026-01-02T03:04:05.000Z';

function record(id: string, i: number): SessionRecord {
  // About 2 KB of notes, like a short interview.
  const notes = Array.from({ length: 4 }, (_, n) => ({ id: `n${n}`, stepId: 'intro', text: randomBytes(250).toString('hex'), at }));
  return {
    schemaVersion: 1, id, kind: i % 5 === 0 ? 'defender' : 'officer',
    author: { id: `user-${i % 50}`, role: 'officer', office: `office-${i % 7}` }, office: `office-${i % 7}`,
    locale: 'es', status: 'in-progress', createdAt: at, updatedAt: at,
    state: {
      protocolId: 'identification', protocolVersion: '1', cursor: 'intro', trail: ['intro'], answers: {}, skipped: [],
      marks: {}, notes, consent: {}, seq: 4,
    },
  };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => x.toFixed(2);
const mb = (x: number): string => (x / 1024 / 1024).toFixed(0);

async function fill(store: FileSessionStore, ids: string[], from: number, to: number, deadline: number): Promise<number> {
  let next = from;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < to && performance.now() < deadline; i = next++) {
      const id = randomUUID();
      const r = await store.save(record(id, i), null);
      if (r.ok) ids[i] = id;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids.filter(Boolean).length;
}

async function timeOps(store: FileSessionStore, ids: string[], samples: number): Promise<{ save: number[]; load: number[] }> {
  const save: number[] = [];
  const load: number[] = [];
  for (let s = 0; s < samples; s++) {
    const id = ids[Math.floor(Math.random() * ids.length)] as string;
    let t = performance.now();
    const cur = await store.load(id);
    load.push(performance.now() - t);
    if (!cur) throw new Error('bench: a stored session did not load');
    t = performance.now();
    const r = await store.save({ ...cur.record, updatedAt: new Date().toISOString() }, cur.etag);
    save.push(performance.now() - t);
    if (!r.ok) throw new Error('bench: unexpected conflict');
  }
  return { save, load };
}

/** One turn of ConversationState as botbuilder does it: read the key, then write it back with `*`. */
async function benchBotState(dataDir: string, key: ReturnType<typeof dataKey>, samples: number): Promise<string> {
  const storage = createEncryptedBotStorage({ dataDir, key });
  const keys = Array.from({ length: 200 }, (_, i) => `emulator/conversations/c${i}/`);
  await storage.write(Object.fromEntries(keys.map((k) => [k, { dialogState: { stack: [{ id: 'protocol', state: { n: 0 } }] } }])));
  const turns: number[] = [];
  for (let s = 0; s < samples; s++) {
    const k = keys[s % keys.length] as string;
    const t = performance.now();
    const item = (await storage.read([k]))[k] ?? {};
    await storage.write({ [k]: { ...item, eTag: '*', turn: s } });
    turns.push(performance.now() - t);
  }
  return `Bot state (one file per key, ${keys.length} keys): read+write per turn p50 ${ms(pct(turns, 50))} ms, p90 ${ms(pct(turns, 90))} ms.`;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const n of await readdir(dir)) total += (await stat(join(dir, n))).size;
  return total;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const samples = Number(arg('--samples') ?? 200);
  const budget = Number(process.env['FARO_BENCH_BUDGET_MS'] ?? 50_000);
  const dataDir = arg('--dir') ?? (await mkdtemp(join(tmpdir(), 'faro-bench-')));
  const key = dataKey(randomBytes(32));
  const started = performance.now();
  const deadline = started + budget;
  const store = createFileSessionStore({ dataDir, key });
  const ids: string[] = [];
  const rows: string[] = [];
  try {
    for (const n of sizes) {
      const have = await fill(store, ids, ids.length, n, deadline);
      if (have < n) {
        rows.push(`| ${n} | stopped at ${have}: time budget spent | | | | | | | |`);
        break;
      }
      const { save, load } = await timeOps(store, ids, samples);
      const fresh = createFileSessionStore({ dataDir, key });
      let t = performance.now();
      const listed = await fresh.list();
      const cold = performance.now() - t;
      t = performance.now();
      await fresh.list({ office: 'office-3' });
      const warm = performance.now() - t;
      if (listed.length !== n) throw new Error(`bench: listed ${listed.length} of ${n}`);
      const mem = process.memoryUsage();
      const disk = await dirBytes(store.dir);
      rows.push(`| ${n} | ${ms(pct(save, 50))} | ${ms(pct(save, 90))} | ${ms(pct(load, 50))} | ${ms(pct(load, 90))} | ${ms(cold)} | ${ms(warm)} | ${mb(mem.rss)} / ${mb(mem.heapUsed)} | ${(disk / 1024 / 1024).toFixed(1)} |`);
    }
    rows.push('', await benchBotState(dataDir, key, samples));
  } finally {
    if (!arg('--dir')) await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write([
    `Encrypted session store, ${samples} load+save samples per size, Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(1)} s total.`,
    '',
    '| sessions | save p50 ms | save p90 ms | load p50 ms | load p90 ms | first list (scan) ms | later list ms | rss / heap MB | files MB |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench-storage failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
