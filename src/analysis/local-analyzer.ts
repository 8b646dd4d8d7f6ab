import type { IndicatorCatalogue } from '../protocol/schema';
import { combineHits, compileCues, type CueHit, type CueSet, matchCues } from './cue-matcher';
import type { CueFile } from './cue-syntax';
import { detectLanguage, sentenceLanguage } from './detect-language';
import { tokenize } from './normalize';
import { detectPii } from './pii/detect-pii';
import type { AnalysisLang, AnalysisResult, IndicatorSuggestion, TextAnalyzer, TextSpan } from './text-analyzer';

export type LocalAnalyzerResult = { ok: true; analyzer: TextAnalyzer } | { ok: false; errors: string[] };

/**
 * The offline engine. Language: the one given, else the dominant one detected. A note can mix
 * languages (a quoted sentence in Portuguese inside a Spanish note), so each sentence is matched with
 * the cues (and negators) of its own language when it is clearly in another language, and with the
 * note's language otherwise. Cues of different languages are never mixed inside one sentence, so a
 * Portuguese "não" is never missed by Spanish negators. The note language's `combine` rules then
 * join what was found across the sentences of the whole note.
 */
export function createLocalAnalyzer(catalogue: IndicatorCatalogue, cueFiles: readonly CueFile[]): LocalAnalyzerResult {
  const known = new Set(catalogue.indicators.map((i) => i.id));
  const categories = new Map(catalogue.indicators.map((i) => [i.id, [...i.categories]]));
  const sets = new Map<AnalysisLang, CueSet>();
  const errors: string[] = [];
  for (const file of cueFiles) {
    const compiled = compileCues(file, known);
    if (compiled.ok) sets.set(file.lang, compiled.set); else errors.push(...compiled.errors);
  }
  if (errors.length) return { ok: false, errors };

  const suggest = (text: string, lang: AnalysisLang): IndicatorSuggestion[] => {
    const tokens = tokenize(text);
    const hits: CueHit[] = [];
    for (let from = 0; from < tokens.length;) {
      let to = from + 1;
      while (to < tokens.length && !tokens[to]!.sentenceBreak) to++;
      const sentenceLang = sentenceLanguage(text.slice(tokens[from]!.start, tokens[to - 1]!.end), lang);
      const set = sets.get(sentenceLang) ?? sets.get(lang);
      if (set) hits.push(...matchCues(set, tokens, from, to));
      from = to;
    }
    return groupHits(text, combineHits(sets.get(lang)?.combine ?? [], hits), categories);
  };

  return {
    ok: true,
    analyzer: {
      async analyze(text, opts = {}): Promise<AnalysisResult> {
        const lang = opts.lang ?? detectLanguage(text);
        return { lang, suggestions: suggest(text, lang), pii: detectPii(text) };
      },
    },
  };
}

/** One suggestion per indicator, its spans merged where they overlap, in order of first appearance. */
export function groupHits(text: string, hits: readonly CueHit[], categories: ReadonlyMap<string, string[]>): IndicatorSuggestion[] {
  const by = new Map<string, Array<{ start: number; end: number }>>();
  for (const h of hits) {
    const list = by.get(h.indicator) ?? [];
    list.push({ start: h.start, end: h.end });
    by.set(h.indicator, list);
  }
  const out: IndicatorSuggestion[] = [];
  for (const [indicator, list] of by) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const spans: TextSpan[] = [];
    for (const s of list) {
      const last = spans[spans.length - 1];
      if (last && s.start <= last.end) {
        if (s.end > last.end) { last.end = s.end; last.text = text.slice(last.start, last.end); }
      } else spans.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
    out.push({ indicator, categories: categories.get(indicator) ?? [], spans });
  }
  return out.sort((a, b) => a.spans[0]!.start - b.spans[0]!.start);
}
