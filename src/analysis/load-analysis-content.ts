import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorCatalogue } from '../protocol/schema';
import { CueFile } from './cue-syntax';
import { ANALYSIS_LANGS } from './text-analyzer';

export type AnalysisContent =
  | { ok: true; catalogue: IndicatorCatalogue; cues: CueFile[] }
  | { ok: false; errors: string[] };

function readJson(path: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!existsSync(path)) return { ok: false, error: `${path}: missing` };
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (e) {
    return { ok: false, error: `${path}: not valid JSON (${(e as Error).message})` };
  }
}

/**
 * Reads the indicator catalogue (`<promptsDir>/indicators.json` unless `cataloguePath` is given) and
 * the cue files `<promptsDir>/cues/{es,en,pt}.json`, validated. Errors carry the file and path.
 */
export function loadAnalysisContent(promptsDir: string, cataloguePath = join(promptsDir, 'indicators.json')): AnalysisContent {
  const errors: string[] = [];
  const cat = readJson(cataloguePath);
  let catalogue: IndicatorCatalogue | undefined;
  if (!cat.ok) errors.push(cat.error);
  else {
    const parsed = IndicatorCatalogue.safeParse(cat.value);
    if (parsed.success) catalogue = parsed.data;
    else errors.push(...parsed.error.issues.map((i) => `${cataloguePath}: ${i.path.join('.')}: ${i.message}`));
  }
  const cues: CueFile[] = [];
  for (const lang of ANALYSIS_LANGS) {
    const path = join(promptsDir, 'cues', `${lang}.json`);
    const raw = readJson(path);
    if (!raw.ok) { errors.push(raw.error); continue; }
    const parsed = CueFile.safeParse(raw.value);
    if (!parsed.success) { errors.push(...parsed.error.issues.map((i) => `${path}: ${i.path.join('.')}: ${i.message}`)); continue; }
    if (parsed.data.lang !== lang) errors.push(`${path}: lang is "${parsed.data.lang}", expected "${lang}"`);
    cues.push(parsed.data);
  }
  if (errors.length || !catalogue) return { ok: false, errors };
  return { ok: true, catalogue, cues };
}
