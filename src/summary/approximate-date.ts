/**
 * Reads an approximate date as people write it in a life story ("2019", "marzo 2021", "2021-03",
 * "15/03/2021", "hace 2 años", "2 years ago", "há 2 anos") into a sortable month number
 * (year × 12 + month index, day as a fraction). Returns null for anything it cannot read with
 * confidence ("when I was little", "after the baby"); those events keep the order they were told.
 * Relative dates count back from when the event was recorded.
 */
const MONTHS: Record<string, number> = {};
const names: [number, string[]][] = [
  [1, ['enero', 'january', 'janeiro', 'jan', 'ene']], [2, ['febrero', 'february', 'fevereiro', 'feb', 'fev']],
  [3, ['marzo', 'march', 'marco', 'mar']], [4, ['abril', 'april', 'abr', 'apr']],
  [5, ['mayo', 'may', 'maio', 'mai']], [6, ['junio', 'june', 'junho', 'jun']],
  [7, ['julio', 'july', 'julho', 'jul']], [8, ['agosto', 'august', 'aug', 'ago']],
  [9, ['septiembre', 'setiembre', 'september', 'setembro', 'sep', 'sept', 'set']], [10, ['octubre', 'october', 'outubro', 'oct', 'out']],
  [11, ['noviembre', 'november', 'novembro', 'nov']], [12, ['diciembre', 'december', 'dezembro', 'dic', 'dec', 'dez']],
];
for (const [m, words] of names) for (const w of words) MONTHS[w] = m;

const NUMBER_WORDS: Record<string, number> = {
  un: 1, una: 1, uno: 1, one: 1, a: 1, an: 1, um: 1, uma: 1,
  dos: 2, two: 2, dois: 2, duas: 2, tres: 3, three: 3, cuatro: 4, four: 4, quatro: 4,
  cinco: 5, five: 5, seis: 6, six: 6, siete: 7, seven: 7, sete: 7, ocho: 8, eight: 8, oito: 8,
  nueve: 9, nine: 9, nove: 9, diez: 10, ten: 10, dez: 10,
};

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const key = (y: number, m = 1, d = 1): number | null =>
  y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? y * 12 + (m - 1) + (d - 1) / 31 : null;

export function approximateDate(text: string, recordedAt: Date): number | null {
  const s = fold(text);
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/))) return key(+m[1]!, +m[2]!, m[3] ? +m[3] : 1);
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) return key(+m[3]!, +m[2]!, +m[1]!);
  if ((m = s.match(/^(\d{1,2})[-/.](\d{4})$/))) return key(+m[2]!, +m[1]!);
  // "hace 2 años", "ha 3 meses", "há 2 anos", "2 years ago", "a year ago"
  if ((m = s.match(/^(?:hace|ha|faz)\s+(\S+)\s+(anos?|meses|mes|years?|months?)$/) ?? s.match(/^(\S+)\s+(years?|months?|anos?|meses)\s+(?:ago|atras)$/))) {
    const n = /^\d+$/.test(m[1]!) ? +m[1]! : NUMBER_WORDS[m[1]!];
    if (n === undefined) return null;
    const months = /^(mes|meses|months?)$/.test(m[2]!) ? n : n * 12;
    return recordedAt.getUTCFullYear() * 12 + recordedAt.getUTCMonth() - months;
  }
  // Month names with a year: "marzo 2021", "15 de marzo de 2021", "March 15, 2021", "março de 2021".
  const words = s.replace(/[,.]/g, ' ').split(/\s+/).filter((w) => !['de', 'del', 'of', 'in', 'en', 'em', 'the'].includes(w));
  const years = words.filter((w) => /^\d{4}$/.test(w));
  if (years.length !== 1) return null;
  const year = +years[0]!;
  const month = words.map((w) => MONTHS[w]).find((x) => x !== undefined);
  const day = words.find((w) => /^\d{1,2}$/.test(w));
  const rest = words.filter((w) => !/^\d+$/.test(w) && MONTHS[w] === undefined);
  // Only a year, a month and a day: anything else ("after 2019", "before the trip") is too vague to place.
  if (rest.length) return null;
  return month ? key(year, month, day ? +day : 1) : key(year);
}
