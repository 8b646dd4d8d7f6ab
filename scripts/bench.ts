import { join } from 'node:path';
import { readEvalCases } from '../src/analysis/evaluate';
import { loadLocalAnalyzer } from '../src/analysis/default-local-analyzer';
import { ANALYSIS_LANGS } from '../src/analysis/text-analyzer';
import { projectRoot } from '../src/paths';

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Local engine throughput: notes per second on the evaluation notes, MB per second on long texts. Bounded to well under a minute. */
async function main(): Promise<number> {
  const root = projectRoot();
  const built = loadLocalAnalyzer(root);
  if (!built.ok) { console.error(built.errors.join('\n')); return 1; }
  const analyzer = built.analyzer;
  const notes = ANALYSIS_LANGS.flatMap((lang) => readEvalCases(join(root, 'test', 'analysis', 'eval', `${lang}.jsonl`)).map((c) => c.text));
  for (const n of notes.slice(0, 20)) await analyzer.analyze(n);
  let count = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) for (const n of notes) { await analyzer.analyze(n); count++; }
  const notesPerSec = count / ((performance.now() - t0) / 1000);
  console.log(`short notes (${notes.length} distinct, avg ${Math.round(notes.reduce((a, n) => a + n.length, 0) / notes.length)} chars): ${notesPerSec.toFixed(0)} notes/s`);
  const corpus = notes.join('\n');
  for (const size of [100 * 1024, 1024 * 1024]) {
    const text = corpus.repeat(Math.ceil(size / corpus.length)).slice(0, size);
    const runs = size > 200 * 1024 ? 2 : 5;
    const t = performance.now();
    let sugg = 0; let pii = 0;
    for (let i = 0; i < runs; i++) { const r = await analyzer.analyze(text); sugg = r.suggestions.length; pii = r.pii.length; }
    const secs = (performance.now() - t) / 1000 / runs;
    console.log(`${(size / 1024).toFixed(0)} KB text: ${secs.toFixed(2)} s per analysis, ${(size / 1024 / 1024 / secs).toFixed(2)} MB/s (${sugg} indicators, ${pii} PII spans)`);
  }
  const m = process.memoryUsage();
  console.log(`memory: rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} MB of ${mb(m.heapTotal)} MB`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
