import { z } from 'zod';
import { normalizeWord } from './normalize';

/**
 * Cue files `prompts/cues/<lang>.json`: for each indicator of the catalogue, the phrases that may
 * point to it in that language. A pattern is a sequence of terms separated by spaces:
 *
 * - a term is one word or alternatives `a|b|c` (optionally in brackets: `(le|la|lo)`); alternatives are
 *   single words, so `mujer|hombre trans` means "mujer or hombre", then "trans";
 * - a word ending in `*` matches any word starting with it: `retuv*` matches retuvo, retuvieron;
 * - a term ending in `?` is optional: `no (le|la)? dej* salir`;
 * - consecutive terms may have up to `window` other words between them (default 3), never across a
 *   sentence end; `~N` between two terms sets that gap to N words (`~0`: adjacent).
 *
 * Matching ignores case and diacritics (`jamás` = `jamas`). The first term cannot be optional.
 * A match is dropped when a negator (`negators`) stands in the few words before it in the same
 * clause, or between its terms; phrases in `notNegating` (e.g. "ya no", "no longer") do not
 * count as negation. Negation that is part of the meaning is written into the cue itself: a
 * cue's own words are never checked as negators.
 *
 * `concepts` are named patterns that are never suggested themselves (e.g. `partner`: novio, marido,
 * ex) and `combine` rules add an indicator when every listed indicator or concept (`@name`) was found
 * anywhere in the same note, even in different sentences: `{ "all": ["@partner", "threat-person"],
 * "add": "vuln-partner-violence" }`.
 */
export const CueFile = z.object({
  lang: z.enum(['es', 'en', 'pt']),
  /** Words before the cue that suppress it; `*` wildcards allowed. */
  negators: z.array(z.string().min(1)).min(1),
  /** Phrases in which a negator does not negate, e.g. "no longer", "ya no". */
  notNegating: z.array(z.string().min(1)).default([]),
  /** How many words before a match are checked for a negator (same clause only). */
  negationWindow: z.number().int().min(0).max(8).default(3),
  /** Default largest gap, in words, between consecutive terms of a cue. */
  window: z.number().int().min(0).max(10).default(3),
  cues: z.record(z.string(), z.array(z.string().min(1))),
  /** Named patterns matched like cues but never suggested; rules refer to them as `@name`. */
  concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1))).default({}),
  /** Note-level rules: when all of `all` were found in one note, `add` is suggested too. */
  combine: z.array(z.object({ all: z.array(z.string().min(1)).min(2), add: z.string().min(1) }).strict()).default([]),
}).strict();
export type CueFile = z.infer<typeof CueFile>;

export interface WordMatcher { word: string; prefix: boolean }
export interface Term { alts: WordMatcher[]; optional: boolean; /** Largest gap before this term. */ gap: number }
export interface CompiledCue { indicator: string; source: string; terms: Term[] }

export type ParseResult = { ok: true; terms: Term[] } | { ok: false; error: string };

const WORD_SYNTAX = /^[\p{L}\p{N}'’-]+\*?$/u;

export function parseWordMatcher(raw: string): WordMatcher | undefined {
  if (!WORD_SYNTAX.test(raw)) return undefined;
  const prefix = raw.endsWith('*');
  return { word: normalizeWord(prefix ? raw.slice(0, -1) : raw), prefix };
}

/** Parses one cue pattern; errors name the faulty part. */
export function parseCue(pattern: string, defaultGap: number): ParseResult {
  const terms: Term[] = [];
  let gap = defaultGap;
  let pendingGap = false;
  for (const part of pattern.trim().split(/\s+/)) {
    const gapMatch = /^~(\d{1,2})$/.exec(part);
    if (gapMatch) {
      if (terms.length === 0 || pendingGap) return { ok: false, error: `gap "${part}" must stand between two terms` };
      gap = Number(gapMatch[1]);
      pendingGap = true;
      continue;
    }
    let body = part;
    const optional = body.endsWith('?');
    if (optional) body = body.slice(0, -1);
    if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
    const alts: WordMatcher[] = [];
    for (const alt of body.split('|')) {
      const m = parseWordMatcher(alt);
      if (!m || m.word.length === 0) return { ok: false, error: `bad word "${alt}" in term "${part}"` };
      alts.push(m);
    }
    if (terms.length === 0 && optional) return { ok: false, error: 'the first term cannot be optional' };
    terms.push({ alts, optional, gap: terms.length === 0 ? 0 : gap });
    gap = defaultGap;
    pendingGap = false;
  }
  if (pendingGap) return { ok: false, error: 'a gap must be followed by a term' };
  if (terms.length === 0) return { ok: false, error: 'empty pattern' };
  return { ok: true, terms };
}

export const wordMatches = (m: WordMatcher, norm: string): boolean => (m.prefix ? norm.startsWith(m.word) : norm === m.word);
export const termMatches = (t: Term, norm: string): boolean => t.alts.some((a) => wordMatches(a, norm));
