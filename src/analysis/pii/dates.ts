import { type PiiCandidate, sentenceBefore } from './candidate';

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|' +
  'janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'ene|feb|mar|abr|jun|jul|ago|sep|set|oct|out|nov|dic|dez|jan|fev|apr|aug|dec';
const DATE = new RegExp(
  [
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:º|°|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?:${MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{4}\b`,
    String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'giu',
);
const BIRTH_CUE = /(nacid[oa]s?|naci[oó]|nacimiento|f\.?\s?nac|born|birth|\bd\.?o\.?b\b|nascid[oa]s?|nasceu|nascimento|data de nasc|dt\.?\s?nasc|cumplea[nñ]os)/i;

/**
 * Dates of birth: a full date (day, month and year, in figures or words) with a birth word before it
 * in the same sentence ("nacida el", "fecha de nacimiento", "born on", "DOB", "nascida em"). Other
 * dates (the day of an event, of a journey) are part of the account and are not treated as
 * personal data.
 */
export function findBirthDates(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(DATE)) {
    if (BIRTH_CUE.test(sentenceBefore(text, m.index, 60))) out.push({ start: m.index, end: m.index + m[0].length, category: 'date-of-birth', priority: 3 });
  }
  return out;
}
