import type { TextAnalyzer } from './text-analyzer';

/**
 * The indicator ids a note may point to, in order of first appearance, for callers that need ids
 * only. The note's own language is detected (sentence by sentence): the interface locale says what
 * the officer reads, not what language the note was typed in, so it is deliberately not used.
 */
export function suggestIndicators(analyzer: TextAnalyzer): (text: string, locale?: string) => Promise<string[]> {
  return async (text) => (await analyzer.analyze(text)).suggestions.map((s) => s.indicator);
}
