import { type PiiCandidate, sentenceBefore, wordAfter } from './candidate';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function findEmails(text: string): PiiCandidate[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, category: 'email' as const, priority: 5 }));
}

const PHONE = /(?<![\p{L}\p{N}+\-/.])(?:(?:\+|00)\s?)?\(?\d[\d \t().-]{4,22}\d(?![\p{L}\p{N}]|[/.-]\d)/gu;
const PHONE_CUE = /(tel[eé]?f?|fono|celular|cel\b|m[oó]vil|whats|wsp|wpp|zap|phone|cell|mobile|n[uú]mero|number|contact|llam|ligar|ligou|call|texted|mensaje)/i;
const MONEY_AFTER = new Set(['pesos', 'dolares', 'dólares', 'reais', 'reales', 'euros', 'soles', 'bolivianos', 'quetzales', 'lempiras', 'colones', 'usd', 'eur', 'dollars', 'mil', 'guaranies', 'guaraníes', 'cordobas', 'córdobas', '%']);
const UNIT_AFTER = /^(a[nñ]os?|anos|mes(es)?|d[ií]as?|horas?|semanas?|veces|vezes|years?|months?|days?|hours?|weeks?|times|personas|pessoas|people|km|kg|metros|m)$/;

/**
 * Phone numbers: 7 to 15 digits that start with + or 00, or follow a phone word ("tel", "celular",
 * "WhatsApp", "phone"…), or are grouped like a phone number ("(11) 98765-4321", "612 345 678",
 * "555-123-4567"). Dates, money and bare digit runs without a phone word are left alone.
 */
export function findPhones(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(PHONE)) {
    let raw = m[0];
    // Trim an unmatched trailing ")" or separators.
    raw = raw.replace(/[\s.(-]+$/, '');
    if ((raw.match(/\(/g)?.length ?? 0) < (raw.match(/\)/g)?.length ?? 0)) raw = raw.replace(/\)$/, '');
    const start = m.index;
    const end = start + raw.length;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$/.test(raw) || /^\d{4}-\d{2}-\d{2}$/.test(raw)) continue;
    const before = sentenceBefore(text, start, 40);
    if (/[$€]\s*$|R\$\s*$|US\$\s*$/.test(before)) continue;
    const next = wordAfter(text, end);
    if (MONEY_AFTER.has(next) || UNIT_AFTER.test(next)) continue;
    const international = /^(\+|00)/.test(raw);
    const cue = PHONE_CUE.test(before) || PHONE_CUE.test(text.slice(Math.max(0, start - 16), start));
    const groups = raw.split(/[\s().-]+/).filter(Boolean);
    const grouped = /^\(\d{2,3}\)/.test(raw) || /\d{3,5}-\d{4}$/.test(raw) || (groups.length >= 3 && groups.every((g) => g.length >= 2 && g.length <= 4));
    const thousands = /^\d{1,3}(\.\d{3})+$/.test(raw);
    if (international || cue || (grouped && !thousands && digits.length >= 8)) out.push({ start, end, category: 'phone', priority: 2 });
  }
  return out;
}
