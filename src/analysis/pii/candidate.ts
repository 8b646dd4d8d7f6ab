import type { PiiCategory } from '../text-analyzer';

/** A PII span proposed by one detector; `priority` settles overlaps between detectors. */
export interface PiiCandidate { start: number; end: number; category: PiiCategory; priority: number }

/** The text before `at` in the same sentence, at most `max` characters. */
export function sentenceBefore(text: string, at: number, max = 60): string {
  const from = Math.max(0, at - max);
  const window = text.slice(from, at);
  const cuts = [...window.matchAll(/[.!?;]\s|\n/g)];
  const cut = cuts.length ? cuts[cuts.length - 1]!.index + cuts[cuts.length - 1]![0].length : 0;
  return window.slice(cut);
}

/** The next word after `at`, lower case (for unit and currency checks). */
export function wordAfter(text: string, at: number): string {
  const m = /^[\s,]*([\p{L}$€%]+)/u.exec(text.slice(at, at + 30));
  return (m?.[1] ?? '').toLowerCase();
}

/** Case-insensitive letters inside a regex source without the `i` flag: "don" → "[Dd]on". */
export function capFirst(word: string): string {
  const c = word[0]!;
  return `[${c.toUpperCase()}${c.toLowerCase()}]${word.slice(1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`;
}
