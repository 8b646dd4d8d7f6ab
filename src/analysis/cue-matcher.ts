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
  /** Note-level rules; concept hits are named `@concept`. */
  combine: CombineRule[];
  size: number;
}

export interface CombineRule { all: string[]; add: string }

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
  const groups: Array<[string, string, string[]]> = [
    ...Object.entries(file.cues).map(([id, p]): [string, string, string[]] => [id, `cues.${id}`, p]),
    ...Object.entries(file.concepts).map(([name, p]): [string, string, string[]] => [`@${name}`, `concepts.${name}`, p]),
  ];
  for (const [indicator, where, patterns] of groups) {
    if (known && !indicator.startsWith('@') && !known.has(indicator)) errors.push(`${file.lang}: cues for unknown indicator "${indicator}"`);
    patterns.forEach((source, i) => {
      const parsed = parseCue(source, file.window);
      if (!parsed.ok) { errors.push(`${file.lang}: ${where}[${i}]: ${parsed.error}`); return; }
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
  file.combine.forEach((rule, i) => {
    for (const part of rule.all) {
      const ok = part.startsWith('@') ? Object.hasOwn(file.concepts, part.slice(1)) : !known || known.has(part);
      if (!ok) errors.push(`${file.lang}: combine[${i}]: unknown indicator or concept "${part}"`);
    }
    if (known && !known.has(rule.add)) errors.push(`${file.lang}: combine[${i}]: unknown indicator "${rule.add}"`);
  });
  if (errors.length) return { ok: false, errors };
  const combine = file.combine.map((r) => ({ all: [...r.all], add: r.add }));
  const notNegating = file.notNegating.map((p) => p.trim().split(/\s+/).map(normalizeWord));
  return { ok: true, set: { lang: file.lang, exact, prefix, negators, notNegating, negationWindow: file.negationWindow, combine, size } };
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

/**
 * Applies a set's note-level rules to all the hits of one note: each rule whose parts were all hit
 * adds its indicator, spanning the hits of its parts. Rules see each other's additions (two passes
 * are enough for the short chains the files use). Concept hits (`@name`) are dropped at the end.
 */
export function combineHits(rules: readonly CombineRule[], hits: readonly CueHit[]): CueHit[] {
  const out = [...hits];
  for (let pass = 0; pass < 2; pass++) {
    const found = new Set(out.map((h) => h.indicator));
    for (const rule of rules) {
      if (found.has(rule.add) || !rule.all.every((p) => found.has(p))) continue;
      for (const h of out.filter((x) => rule.all.includes(x.indicator))) out.push({ indicator: rule.add, start: h.start, end: h.end });
      found.add(rule.add);
    }
  }
  return out.filter((h) => !h.indicator.startsWith('@'));
}
