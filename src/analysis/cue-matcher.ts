import { type CompiledCue, type CueFile, parseCue, parseWordMatcher, termMatches, type WordMatcher, wordMatches } from './cue-syntax';
import { normalizeWord, type Token } from './normalize';

/** A cue file compiled for fast matching: cues indexed by the words their first term accepts. */
export interface CueSet {
  lang: CueFile['lang'];
  exact: Map<string, CompiledCue[]>;
  prefix: Map<string, CompiledCue[]>;
  negators: WordMatcher[];
  notNegating: string[][];
  negationWindow: number;
  size: number;
}

export interface CueHit { indicator: string; start: number; end: number }

export type CompileResult = { ok: true; set: CueSet } | { ok: false; errors: string[] };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** Compiles a validated cue file; `known` (the catalogue ids) rejects cues for unknown indicators. */
export function compileCues(file: CueFile, known?: ReadonlySet<string>): CompileResult {
  const errors: string[] = [];
  const exact = new Map<string, CompiledCue[]>();
  const prefix = new Map<string, CompiledCue[]>();
  let size = 0;
  for (const [indicator, patterns] of Object.entries(file.cues)) {
    if (known && !known.has(indicator)) errors.push(`${file.lang}: cues for unknown indicator "${indicator}"`);
    patterns.forEach((source, i) => {
      const parsed = parseCue(source, file.window);
      if (!parsed.ok) { errors.push(`${file.lang}: cues.${indicator}[${i}]: ${parsed.error}`); return; }
      const cue: CompiledCue = { indicator, source, terms: parsed.terms };
      size += 1;
      for (const alt of parsed.terms[0]!.alts) push(alt.prefix ? prefix : exact, alt.word, cue);
    });
  }
  const negators: WordMatcher[] = [];
  for (const n of file.negators) {
    const m = parseWordMatcher(n);
    if (m) negators.push(m); else errors.push(`${file.lang}: bad negator "${n}"`);
  }
  if (errors.length) return { ok: false, errors };
  const notNegating = file.notNegating.map((p) => p.trim().split(/\s+/).map(normalizeWord));
  return { ok: true, set: { lang: file.lang, exact, prefix, negators, notNegating, negationWindow: file.negationWindow, size } };
}

function candidates(set: CueSet, norm: string): CompiledCue[] {
  const out: CompiledCue[] = [];
  const e = set.exact.get(norm);
  if (e) out.push(...e);
  for (let k = 1; k <= norm.length; k++) {
    const p = set.prefix.get(norm.slice(0, k));
    if (p) out.push(...p);
  }
  return out;
}

/** Token positions matched by each term, or undefined. Backtracks over gaps and optional terms. */
function matchFrom(cue: CompiledCue, tokens: readonly Token[], ti: number, at: number, to: number, acc: number[]): number[] | undefined {
  if (ti === cue.terms.length) return acc;
  const term = cue.terms[ti]!;
  const prev = acc[acc.length - 1]!;
  for (let j = prev + 1; j <= Math.min(to - 1, prev + 1 + term.gap); j++) {
    if (tokens[j]!.sentenceBreak) break;
    if (termMatches(term, tokens[j]!.norm)) {
      const r = matchFrom(cue, tokens, ti + 1, j, to, [...acc, j]);
      if (r) return r;
    }
  }
  if (term.optional) return matchFrom(cue, tokens, ti + 1, at, to, acc);
  return undefined;
}

function isNegator(set: CueSet, tokens: readonly Token[], i: number): boolean {
  const norm = tokens[i]!.norm;
  if (!set.negators.some((n) => wordMatches(n, norm))) return false;
  for (const phrase of set.notNegating) {
    for (let k = 0; k < phrase.length; k++) {
      if (phrase[k] !== norm) continue;
      const s = i - k;
      if (s >= 0 && s + phrase.length <= tokens.length && phrase.every((w, q) => tokens[s + q]!.norm === w)) return false;
    }
  }
  return true;
}

function negated(set: CueSet, tokens: readonly Token[], matched: number[], from: number): boolean {
  const first = matched[0]!;
  const last = matched[matched.length - 1]!;
  const own = new Set(matched);
  for (let j = first + 1; j < last; j++) if (!own.has(j) && isNegator(set, tokens, j)) return true;
  for (let j = first - 1, n = 0; j >= from && n < set.negationWindow; j--, n++) {
    if (tokens[j + 1]!.clauseBreak) break;
    if (isNegator(set, tokens, j)) return true;
  }
  return false;
}

/** Every cue match in tokens[from, to) that no negator suppresses. Offsets are token start/end. */
export function matchCues(set: CueSet, tokens: readonly Token[], from = 0, to = tokens.length): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    for (const cue of candidates(set, tok.norm)) {
      const matched = matchFrom(cue, tokens, 1, i, to, [i]);
      if (!matched || negated(set, tokens, matched, from)) continue;
      hits.push({ indicator: cue.indicator, start: tok.start, end: tokens[matched[matched.length - 1]!]!.end });
    }
  }
  return hits;
}
