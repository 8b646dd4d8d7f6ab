import type { AnalysisLang } from './text-analyzer';

/**
 * A small language guesser for es/en/pt: counts frequent function words that belong to one language
 * only, plus letters one language uses and the others do not (ñ ¿ ¡ for Spanish, ã õ ç for
 * Portuguese). Words are compared with their accents: "não" is Portuguese, "no" is ambiguous.
 */
const WORDS: Record<AnalysisLang, ReadonlySet<string>> = {
  es: new Set(('el la en un los las y del una es con vive hace son pero su sus le les muy fue está estaba están hay él ella qué también cuando porque ' +
    'dijo tenía donde lo al ya habla sin desde hasta nos ese esa eso cómo dónde quién según después ni ' +
    'le hija hijo mujer trabajo dinero casa dueño patrón allí aquí entonces tiene tenían eran le había habían años').split(' ')),
  en: new Set(('the of and to in is it that he was for on are with as his they be at have this from or had by not but ' +
    'what were we when your can said there an which she do their if will about how up out them then her him has been ' +
    'would who did didn\'t was wasn\'t could my me says told work money house boss after before never took kept').split(' ')),
  pt: new Set(('o os do da dos das em um uma não é com ao na nas nos pelo pela ele ela mas foi tinha disse também quando porque ' +
    'onde já lhe seu sua seus suas você e muito isso essa esse depois até nem num numa dele dela eram estava estavam ' +
    'tem têm há trabalho dinheiro casa patrão lá aqui então anos ficou tiraram').split(' ')),
};
const LETTERS: Record<AnalysisLang, RegExp> = { es: /[ñ¿¡]/g, en: /(?!)/g, pt: /[ãõç]|[^\s]nh|lh/g };

export interface LanguageScore { lang: AnalysisLang; scores: Record<AnalysisLang, number>; hits: number }

export function scoreLanguage(text: string): LanguageScore {
  const scores: Record<AnalysisLang, number> = { es: 0, en: 0, pt: 0 };
  let hits = 0;
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/[\p{L}']+/gu)) {
    for (const lang of ['es', 'en', 'pt'] as const) {
      if (WORDS[lang].has(m[0])) { scores[lang] += 1; hits += 1; }
    }
  }
  for (const lang of ['es', 'pt'] as const) scores[lang] += 0.5 * (lower.match(LETTERS[lang])?.length ?? 0);
  const ranked = (['es', 'en', 'pt'] as const).slice().sort((a, b) => scores[b] - scores[a]);
  return { lang: ranked[0]!, scores, hits };
}

/** The dominant language, or `fallback` when the text gives no evidence. */
export function detectLanguage(text: string, fallback: AnalysisLang = 'es'): AnalysisLang {
  const s = scoreLanguage(text);
  return s.scores[s.lang] > 0 ? s.lang : fallback;
}

/**
 * The language of one sentence inside a note written mostly in `dominant`: switches only on clear
 * evidence (at least two points, twice the dominant language's score), so short or ambiguous
 * sentences stay with the note's language.
 */
export function sentenceLanguage(sentence: string, dominant: AnalysisLang): AnalysisLang {
  const s = scoreLanguage(sentence);
  if (s.lang === dominant) return dominant;
  const top = s.scores[s.lang];
  return top >= 2 && top >= 2 * s.scores[dominant] ? s.lang : dominant;
}
