import { join } from 'node:path';
import { evaluate, type LangReport, readEvalCases, type Score } from '../src/analysis/evaluate';
import { loadAnalysisContent } from '../src/analysis/load-analysis-content';
import { createLocalAnalyzer } from '../src/analysis/local-analyzer';
import { ANALYSIS_LANGS, PII_CATEGORIES } from '../src/analysis/text-analyzer';
import { projectRoot } from '../src/paths';

/** Precision and recall of the local engine on the labelled notes in test/analysis/eval. `--verbose` lists the misses. */
async function main(): Promise<number> {
  const root = projectRoot();
  const content = loadAnalysisContent(join(root, 'prompts'));
  if (!content.ok) { console.error(content.errors.join('\n')); return 1; }
  const built = createLocalAnalyzer(content.catalogue, content.cues);
  if (!built.ok) { console.error(built.errors.join('\n')); return 1; }
  const pct = (x: number): string => x.toFixed(2);
  const line = (name: string, s: Score): string => `  ${name.padEnd(16)} P ${pct(s.precision)}  R ${pct(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  const reports: LangReport[] = [];
  for (const lang of ANALYSIS_LANGS) {
    const report = await evaluate(built.analyzer, lang, readEvalCases(join(root, 'test', 'analysis', 'eval', `${lang}.jsonl`)));
    reports.push(report);
    console.log(`${lang}: ${report.notes} notes`);
    console.log(line('indicators', report.indicators));
    console.log(line('pii (all)', report.pii));
    for (const c of PII_CATEGORIES) console.log(line(`pii ${c}`, report.piiByCategory[c]));
    if (process.argv.includes('--verbose')) for (const e of report.errors) console.log(`    ${e.id}: ${JSON.stringify({ ...e, id: undefined })}`);
  }
  return 0;
}

if (require.main === module) main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
