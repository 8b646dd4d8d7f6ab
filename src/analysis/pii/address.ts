import { capFirst, type PiiCandidate, wordAfter } from './candidate';

const STREET_WORDS = ['calle', 'avenida', 'avda.', 'av.', 'av', 'rua', 'r.', 'travessa', 'alameda', 'praça', 'praca', 'plaza',
  'pasaje', 'jirón', 'jiron', 'jr.', 'carrera', 'cra.', 'cra', 'diagonal', 'transversal', 'camino', 'estrada', 'rodovia',
  'calzada', 'bulevar', 'paseo', 'callejón', 'callejon', 'colonia', 'barrio', 'bairro', 'vila', 'villa'];
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\d{1,3}(?:ª|º|°)?|de|del|la|las|los|el|do|da|dos|das|e|y)`;
const NUMBER = String.raw`(?:,\s*|\s+)(?:n[º°o]\.?\s*|#\s*|nro\.?\s*|n[úu]mero\s*|s\/n)?\d{1,5}[A-Za-z]?(?:\s*[-–#]\s*\d{1,4})?(?![\p{L}\p{N}])`;
const LATIN = new RegExp(
  String.raw`(?<![\p{L}])(?:${STREET_WORDS.map(capFirst).join('|')}|C\/)\s*${NAME_WORD}(?:\s+${NAME_WORD}){0,5}?${NUMBER}`,
  'gu',
);
const ENGLISH = /(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Way|Court|Ct\.?|Place|Pl\.?|Terrace)(?![\p{L}])/gu;
const UNIT_AFTER = /^(a[nñ]os?|anos|mes(es)?|d[ií]as?|horas?|semanas?|veces|vezes|years?|months?|days?|hours?|weeks?|times|personas|pessoas|people|mil|%)$/;

/**
 * Street addresses: a street word ("calle", "Av.", "rua", "travessa", "carrera"…) followed by a name and
 * a number ("Calle Mayor 12", "Rua das Flores, 123", "Carrera 7 # 45-12"), or an English number + name +
 * street type ("1234 Oak Street"). "En la calle" without a number is not an address.
 */
export function findAddresses(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(LATIN)) {
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(wordAfter(text, end))) continue;
    out.push({ start: m.index, end, category: 'address', priority: 1 });
  }
  for (const m of text.matchAll(ENGLISH)) out.push({ start: m.index, end: m.index + m[0].length, category: 'address', priority: 1 });
  return out;
}
