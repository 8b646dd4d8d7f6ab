import { join } from 'node:path';
import { evaluate, type LangReport, readEvalCases, type Score } from '../src/analysis/evaluate';
import { loadAnalysisContent } from '../src/analysis/load-analysis-content';
import { createLocalAnalyzer } from '../src/analysis/local-analyzer';
import { ANALYSIS_LANGS, PII_CATEGORIES } from '../src/analysis/text-analyzer';
import { projectRoot } from '../src/paths';

/**
 * Precision and recall of the local engine, per language, on three labelled sets:
 * - `eval`: test/analysis/eval, the notes the cues were written and tuned against;
 * - `tune`: test/analysis/holdout/tune-*, notes written without sight of the cues, then used to tune them;
 * - `report`: test/analysis/holdout/report-*, written the same way; kept apart for one measurement, then
 *   used in a second round of tuning;
 * - `final`: test/analysis/holdout/final-*, written the same way after that and never used for tuning: the
 *   honest figure.
 * `--set NAME` runs one; `--verbose` lists the misses.
 */
const SETS = {
  eval: (lang: string) => join('test', 'analysis', 'eval', `${lang}.jsonl`),
  tune: (lang: string) => join('test', 'analysis', 'holdout', `tune-${lang}.jsonl`),
  report: (lang: string) => join('test', 'analysis', 'holdout', `report-${lang}.jsonl`),
  final: (lang: string) => join('test', 'analysis', 'holdout', `final-${lang}.jsonl`),
} as const;
type SetName = keyof typeof SETS;

async function main(): Promise<number> {
  const at = process.argv.indexOf('--set');
  const chosen = at > 0 ? process.argv[at + 1] : undefined;
  if (chosen !== undefined && !(chosen in SETS)) { console.error(`--set takes one of: ${Object.keys(SETS).join(', ')}`); return 2; }
  const sets = (chosen ? [chosen] : Object.keys(SETS)) as SetName[];
  const root = projectRoot();
  const content = loadAnalysisContent(join(root, 'prompts'));
  if (!content.ok) { console.error(content.errors.join('\n')); return 1; }
  const built = createLocalAnalyzer(content.catalogue, content.cues);
  if (!built.ok) { console.error(built.errors.join('\n')); return 1; }
  const pct = (x: number): string => x.toFixed(2);
  const line = (name: string, s: Score): string => `  ${name.padEnd(16)} P ${pct(s.precision)}  R ${pct(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  const reports: LangReport[] = [];
  for (const set of sets) for (const lang of ANALYSIS_LANGS) {
    const report = await evaluate(built.analyzer, lang, readEvalCases(join(root, SETS[set](lang))));
    reports.push(report);
    console.log(`[${set}] ${lang}: ${report.notes} notes`);
    console.log(line('indicators', report.indicators));
    console.log(line('pii (all)', report.pii));
    for (const c of PII_CATEGORIES) console.log(line(`pii ${c}`, report.piiByCategory[c]));
    if (process.argv.includes('--verbose')) for (const e of report.errors) console.log(`    ${e.id}: ${JSON.stringify({ ...e, id: undefined })}`);
  }
  return 0;
}

if (require.main === module) main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
