import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type AnalysisLang, PII_CATEGORIES, type PiiCategory, type TextAnalyzer } from './text-analyzer';

/** One labelled note of the evaluation set (`test/analysis/eval/<lang>.jsonl`, one JSON object a line). */
export const EvalCase = z.object({
  id: z.string(),
  text: z.string(),
  indicators: z.array(z.string()),
  pii: z.array(z.object({ start: z.number().int().min(0), end: z.number().int(), category: z.enum(PII_CATEGORIES), text: z.string().optional() }).strict()),
}).strict();
export type EvalCase = z.infer<typeof EvalCase>;

export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number }
export interface LangReport {
  lang: AnalysisLang;
  notes: number;
  indicators: Score;
  pii: Score;
  piiByCategory: Record<PiiCategory, Score>;
  /** Per note: indicators missed and suggested wrongly, PII missed and wrong (ids and categories only). */
  errors: Array<{ id: string; missed: string[]; extra: string[]; piiMissed: string[]; piiExtra: string[] }>;
}

export function readEvalCases(path: string): EvalCase[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const parsed = EvalCase.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

const score = (tp: number, fp: number, fn: number): Score => ({
  tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

/**
 * Runs the analyzer over labelled notes. Indicators are scored per note (a suggested id is right
 * when the note is labelled with it). A PII span is right when it overlaps a labelled span of the same
 * category; each labelled span is found at most once.
 */
export async function evaluate(analyzer: TextAnalyzer, lang: AnalysisLang, cases: readonly EvalCase[]): Promise<LangReport> {
  let itp = 0; let ifp = 0; let ifn = 0;
  const cat = Object.fromEntries(PII_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiCategory, { tp: number; fp: number; fn: number }>;
  const errors: LangReport['errors'] = [];
  for (const c of cases) {
    const r = await analyzer.analyze(c.text, { lang });
    const got = new Set(r.suggestions.map((s) => s.indicator));
    const want = new Set(c.indicators);
    const missed = [...want].filter((x) => !got.has(x));
    const extra = [...got].filter((x) => !want.has(x));
    itp += want.size - missed.length; ifn += missed.length; ifp += extra.length;
    const used = new Set<number>();
    const piiExtra: string[] = [];
    for (const p of r.pii) {
      const k = c.pii.findIndex((g, gi) => !used.has(gi) && g.category === p.category && p.start < g.end && g.start < p.end);
      if (k >= 0) { used.add(k); cat[p.category].tp += 1; } else { cat[p.category].fp += 1; piiExtra.push(p.category); }
    }
    const piiMissed = c.pii.filter((_, gi) => !used.has(gi)).map((g) => g.category);
    for (const m of piiMissed) cat[m].fn += 1;
    if (missed.length || extra.length || piiMissed.length || piiExtra.length) errors.push({ id: c.id, missed, extra, piiMissed, piiExtra });
  }
  const piiByCategory = Object.fromEntries(PII_CATEGORIES.map((k) => [k, score(cat[k].tp, cat[k].fp, cat[k].fn)])) as Record<PiiCategory, Score>;
  const sum = (f: 'tp' | 'fp' | 'fn'): number => PII_CATEGORIES.reduce((a, k) => a + cat[k][f], 0);
  return { lang, notes: cases.length, indicators: score(itp, ifp, ifn), pii: score(sum('tp'), sum('fp'), sum('fn')), piiByCategory, errors };
}
