/**
 * The analysis port: reads an interview note and returns indicator *suggestions* (never findings)
 * and the spans of personal data in it. Offsets are UTF-16 code-unit offsets into the original text,
 * so `text.slice(start, end)` gives the span.
 */

export const ANALYSIS_LANGS = ['es', 'en', 'pt'] as const;
export type AnalysisLang = (typeof ANALYSIS_LANGS)[number];

export const PII_CATEGORIES = ['email', 'phone', 'document', 'date-of-birth', 'address', 'person'] as const;
export type PiiCategory = (typeof PII_CATEGORIES)[number];

export interface TextSpan { start: number; end: number; text: string }

/** One suggested indicator with the passages that brought it up. The officer confirms or dismisses it. */
export interface IndicatorSuggestion {
  indicator: string;
  categories: string[];
  spans: TextSpan[];
}

export interface PiiSpan { start: number; end: number; category: PiiCategory; text?: string }

export interface AnalysisResult {
  /** The language given, or the dominant language detected. */
  lang: AnalysisLang;
  suggestions: IndicatorSuggestion[];
  pii: PiiSpan[];
}

export interface AnalyzeOptions { lang?: AnalysisLang }

export interface TextAnalyzer {
  analyze(text: string, opts?: AnalyzeOptions): Promise<AnalysisResult>;
}

/** The default redaction label: the upper-case category, e.g. `DATE-OF-BIRTH`. */
export const defaultPiiLabel = (category: PiiCategory): string => category.toUpperCase();

/**
 * Replaces every PII span with `[LABEL]`. Overlapping or unordered spans are handled: overlaps are
 * merged and the first span's category names the merged one. Spans outside the text are clipped.
 * Pass a localised `label` (e.g. from the `analysis` locale namespace) to name the categories.
 */
export function redact(text: string, pii: readonly PiiSpan[], label: (category: PiiCategory) => string = defaultPiiLabel): string {
  const spans = pii
    .map((p) => ({ start: Math.max(0, Math.min(p.start, text.length)), end: Math.max(0, Math.min(p.end, text.length)), category: p.category }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  let last: { end: number } | undefined;
  for (const s of spans) {
    if (last && s.start < last.end) {
      if (s.end > last.end) { last.end = s.end; cursor = s.end; }
      continue;
    }
    out += text.slice(cursor, s.start) + `[${label(s.category)}]`;
    cursor = s.end;
    last = { end: s.end };
  }
  return out + text.slice(cursor);
}
