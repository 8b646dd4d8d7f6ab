/**
 * Tokenising and normalising for matching: lower case, diacritics removed, offsets kept on the
 * original text. A word is a run of letters/digits, with inner apostrophes (didn't, d'água).
 */

export interface Token {
  /** Normalised form: lower case, no diacritics, typographic apostrophes made plain. */
  norm: string;
  start: number;
  end: number;
  /** A sentence boundary (. ! ? ; or a line break) lies between the previous token and this one. */
  sentenceBreak: boolean;
  /** A clause boundary (a sentence boundary, a comma, a colon, a dash or brackets) lies before this token. */
  clauseBreak: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}]+|[.,]\d+)*/gu;
const SENTENCE = /[.!?;\n\u2026]/;
const CLAUSE = /[.!?;\n\u2026,:()\u2013\u2014"“”«»]/;

/** Lower case without diacritics: "Jamás" → "jamas", "não" → "nao", "Ñandú" → "nandu". */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const between = text.slice(prevEnd, start);
    tokens.push({
      norm: normalizeWord(m[0]),
      start,
      end: start + m[0].length,
      sentenceBreak: tokens.length === 0 || SENTENCE.test(between),
      clauseBreak: tokens.length === 0 || CLAUSE.test(between),
    });
    prevEnd = start + m[0].length;
  }
  return tokens;
}
