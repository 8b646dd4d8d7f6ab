import { type PiiCandidate, sentenceBefore } from './candidate';

import { isCurpShape, isValidCpf, isValidDniNie } from './checksums';

const DOC_CUE = /(pasaporte|passaporte|passport|\bdni\b|\bnie\b|c[eé]dula|\bc\.?i\.?\b|\bci\b|\brut\b|\brun\b|\bcpf\b|\brg\b|curp|documento|document|identidad|identidade|identity|\bid\b|\bdui\b|\bcui\b|\bine\b|\bnif\b|credencial|licencia|license|licen[cç]a|carteira|permiso|visa|\bn[º°]\.?\s*$|\bno\.\s*$)/i;

/** The words just before `at` in the same clause: a document word must be that close. */
const clauseBefore = (text: string, at: number): string => text.slice(Math.max(0, at - 30), at).split(/[,;\n]/).pop() ?? '';

const doc = (start: number, text: string): PiiCandidate => ({ start, end: start + text.length, category: 'document', priority: 4 });

/**
 * Identity and travel document numbers. Checked shapes: CPF (check digits; a formatted
 * ddd.ddd.ddd-dd always counts), RG (formatted), DNI/NIE (control letter), CURP (shape and state
 * code), passport-like codes (1–3 capitals and 6–9 digits). Any other number of 5 or more digits
 * counts when a document word ("pasaporte", "cédula", "DNI", "passport", "RG"…) precedes it in the
 * same clause.
 */
export function findDocuments(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(/\b[A-Z]{4}\d{6}[A-Z]{6}[A-Z\d]\d\b/g)) if (isCurpShape(m[0])) out.push(doc(m.index, m[0]));
  for (const m of text.matchAll(/(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])/g)) out.push(doc(m.index, m[0]));
  for (const m of text.matchAll(/(?<![\d.])\d{1,2}\.\d{3}\.\d{3}-[\dXx](?![\d\p{L}])/gu)) out.push(doc(m.index, m[0]));
  for (const m of text.matchAll(/(?<![\d\p{L}])\d{11}(?!\d)/gu)) {
    if (isValidCpf(m[0]) && !/(tel|cel|whats|phone|fone|zap)/i.test(sentenceBefore(text, m.index, 30))) out.push(doc(m.index, m[0]));
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[XYZxyz]?-?\d{7,8}-?[A-Za-z](?![\p{L}\p{N}])/gu)) {
    if (isValidDniNie(m[0]) || DOC_CUE.test(clauseBefore(text, m.index))) out.push(doc(m.index, m[0]));
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[A-Z]{1,3}-?\d{6,9}(?![\p{L}\p{N}])/gu)) out.push(doc(m.index, m[0]));
  // A number after a document word: "pasaporte nº 12345678", "cédula 1.023.456.789", "RG: 12345678".
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])[A-Z0-9][A-Z0-9.\-/]{3,18}[A-Z0-9](?![\p{L}\p{N}])/gu)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 5 || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(m[0])) continue;
    if (DOC_CUE.test(clauseBefore(text, m.index))) out.push(doc(m.index, m[0]));
  }
  return out;
}
