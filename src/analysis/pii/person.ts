import { capFirst, type PiiCandidate } from './candidate';

const cue = (phrase: string): string => phrase.split(' ').map(capFirst).join('\\s+');
const CUES = [
  // es
  'se llama', 'llamado', 'llamada', 'de nombre', 'mi nombre es', 'su nombre es', 'nombre:', 'alias', 'apodado', 'apodada',
  'conocido como', 'conocida como', 'el denunciante', 'la denunciante', 'declarante', 'entrevistada', 'entrevistado', 'un tal', 'una tal', 'nombre completo', 'sr.', 'sra.', 'srta.', 'señor', 'señora', 'don', 'doña',
  // en
  'named', 'called', 'my name is', 'her name is', 'his name is', 'name:', 'mr.', 'mrs.', 'ms.', 'miss', 'known as', 'complainant', 'interviewee', 'interviewee details', 'full name',
  // pt
  'se chama', 'chama-se', 'chamado', 'chamada', 'de nome', 'meu nome é', 'nome dela é', 'nome dele é', 'nome:', 'senhor',
  'senhora', 'sr', 'sra', 'dona', 'conhecido como', 'conhecida como', 'vulgo', 'o comunicante', 'a comunicante', 'o declarante', 'a declarante', 'um tal de', 'uma tal de', 'um tal', 'nome completo',
];
const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+`;
const CONNECT = String.raw`(?:\s+(?:de|del|de la|da|do|dos|das|y|e)\s+|\s+)`;
const PERSON = new RegExp(
  String.raw`(?<![\p{L}])(?:${[...new Set(CUES)].sort((a, b) => b.length - a.length).map(cue).join('|')})(?![\p{L}])[\s:,"“«]*(${NAME}(?:${CONNECT}${NAME}){0,3})`,
  'gu',
);
const NOT_NAMES = new Set(['El', 'La', 'Los', 'Las', 'The', 'O', 'A', 'Os', 'As', 'Que', 'No', 'Não', 'Ella', 'Él', 'Ela', 'Ele', 'She', 'He', 'It', 'They', 'Him', 'Her', 'Un', 'Una', 'Um', 'Uma', 'Me', 'Le', 'Lhe', 'Se']);

/**
 * Personal names where a cue makes them reliable: "se llama María López", "named John Smith",
 * "chama-se Ana", "Sr. Pérez", "Doña Rosa", "alias El Flaco". Only the capitalised words after the cue
 * are taken; a name elsewhere in the note is not guessed at.
 */
export function findPersons(text: string): PiiCandidate[] {
  const out: PiiCandidate[] = [];
  for (const m of text.matchAll(PERSON)) {
    const name = m[1]!;
    const first = name.split(/\s+/)[0]!;
    if (NOT_NAMES.has(first)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, category: 'person', priority: 1 });
  }
  return out;
}
