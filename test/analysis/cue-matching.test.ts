import { parseCue } from '../../src/analysis/cue-syntax';
import { fixtureAnalyzer, ids } from './fixture-analyzer';

const analyzer = fixtureAnalyzer();
const suggest = async (text: string, lang?: 'es' | 'en' | 'pt'): Promise<string[]> => ids(await analyzer.analyze(text, lang ? { lang } : {}));

describe('cue syntax', () => {
  it('parses alternatives, wildcards, optional terms and gaps', () => {
    const r = parseCue('no (le|la)? dej* ~0 salir', 3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.terms).toHaveLength(4);
    expect(r.terms[1]).toEqual({ alts: [{ word: 'le', prefix: false }, { word: 'la', prefix: false }], optional: true, gap: 3 });
    expect(r.terms[2]!.alts[0]).toEqual({ word: 'dej', prefix: true });
    expect(r.terms[3]!.gap).toBe(0);
  });

  it('rejects an optional first term, a dangling gap and stray symbols', () => {
    expect(parseCue('(le|la)? salir', 3).ok).toBe(false);
    expect(parseCue('salir ~2', 3).ok).toBe(false);
    expect(parseCue('sal&ir', 3).ok).toBe(false);
  });

  it('normalises accents in the patterns themselves', () => {
    const r = parseCue('jamás', 3);
    expect(r.ok && r.terms[0]!.alts[0]!.word).toBe('jamas');
  });
});

describe('the local engine finds cues', () => {
  it('in Spanish, across verb forms, gender and number', async () => {
    expect(await suggest('Le retuvieron el pasaporte al llegar.', 'es')).toEqual(['documents-withheld']);
    expect(await suggest('El patrón retiene los documentos de todas.', 'es')).toEqual(['documents-withheld']);
    expect(await suggest('Le quitaron el DNI en la frontera.', 'es')).toEqual(['documents-withheld']);
    expect(await suggest('Estaban encerradas en el galpón.', 'es')).toEqual(['movement-restricted']);
  });

  it('in Portuguese and English', async () => {
    expect(await suggest('Tiraram o passaporte dela no aeroporto.', 'pt')).toEqual(['documents-withheld']);
    expect(await suggest('The employer kept her passport in a safe.', 'en')).toEqual(['documents-withheld']);
    expect(await suggest('They were locked in at night.', 'en')).toEqual(['movement-restricted']);
  });

  it('ignores case and accents in the note', async () => {
    expect(await suggest('LE QUITARON EL PASAPORTE', 'es')).toEqual(['documents-withheld']);
    expect(await suggest('Ameaçaram a familia dele', 'pt')).toEqual(['family-threatened']);
  });

  it('respects the word window and sentence ends', async () => {
    expect(await suggest('Le quitaron, según cuenta ella misma muy asustada, el pasaporte.', 'es')).toEqual([]);
    expect(await suggest('Le quitaron el teléfono. El pasaporte lo tiene ella.', 'es')).toEqual([]);
    expect(await suggest('Dice que debía mucho dinero.', 'es')).toEqual(['debt-owed']);
  });

  it('returns the span that triggered each suggestion, with categories from the catalogue', async () => {
    const text = 'Cuenta que amenazaron a su familia en Honduras.';
    const r = await analyzer.analyze(text, { lang: 'es' });
    expect(r.suggestions).toEqual([{
      indicator: 'family-threatened',
      categories: ['means.threats-to-family', 'means.threats'],
      spans: [{ start: 11, end: 34, text: 'amenazaron a su familia' }],
    }]);
  });

  it('merges overlapping spans of one indicator and keeps separate ones apart', async () => {
    const text = 'Tenía una deuda. Después otra deuda.';
    const r = await analyzer.analyze(text, { lang: 'es' });
    expect(r.suggestions[0]!.spans.map((s) => s.text)).toEqual(['deuda', 'deuda']);
  });
});

describe('negation', () => {
  it('suppresses a cue negated just before it, in every language', async () => {
    expect(await suggest('No le quitaron el pasaporte.', 'es')).toEqual([]);
    expect(await suggest('Nunca le retuvieron los documentos.', 'es')).toEqual([]);
    expect(await suggest('Não tiraram o passaporte dela.', 'pt')).toEqual([]);
    expect(await suggest('They did not take her passport.', 'en')).toEqual([]);
    expect(await suggest("The boss didn't keep her documents.", 'en')).toEqual([]);
  });

  it('suppresses a negator standing between the words of a cue', async () => {
    expect(await suggest('Amenazaron, no a su familia.', 'es')).toEqual([]);
    expect(await suggest('Le quitaron nada, ni el pasaporte.', 'es')).toEqual([]);
  });

  it('does not reach across a clause boundary or too far back', async () => {
    expect(await suggest('No tenía trabajo, le quitaron el pasaporte.', 'es')).toEqual(['documents-withheld']);
    expect(await suggest('No sabe bien por qué le quitaron el pasaporte.', 'es')).toEqual(['documents-withheld']);
  });

  it('keeps cues whose meaning includes the negation', async () => {
    expect(await suggest('No le dejaban salir de la casa.', 'es')).toEqual(['movement-restricted']);
    expect(await suggest('Não a deixavam sair sozinha.', 'pt')).toEqual(['movement-restricted']);
    expect(await suggest('She was not allowed to leave the farm.', 'en')).toEqual(['movement-restricted']);
    expect(await suggest('No le quitaron el pasaporte, pero no la dejaban salir.', 'es')).toEqual(['movement-restricted']);
  });

  it('does not treat "ya no", "no longer" or "já não" as negation', async () => {
    expect(await suggest('Ya no tiene deuda con ellos? Dice que ya no: la deuda sigue.', 'es')).toEqual(['debt-owed']);
    expect(await suggest('The agency no longer holds her passport? It is no longer clear.', 'en')).toEqual(['documents-withheld']);
    expect(await suggest('Já não ficou com o passaporte.', 'pt')).toEqual(['documents-withheld']);
  });
});

describe('language', () => {
  it('detects the dominant language when none is given', async () => {
    expect((await analyzer.analyze('Le quitaron el pasaporte y no la dejaban salir de la casa.')).lang).toBe('es');
    expect((await analyzer.analyze('They took her passport and she was never paid for the work.')).lang).toBe('en');
    expect((await analyzer.analyze('Tiraram o passaporte dela e não a deixavam sair de casa.')).lang).toBe('pt');
  });

  it('matches each sentence of a mixed note with the cues of its own language', async () => {
    const text = 'La entrevistada relata su viaje desde Brasil con su prima. Ela disse que não guardaram os documentos dela. Pero le quitaron el DNI a su prima.';
    const r = await analyzer.analyze(text);
    expect(r.lang).toBe('es');
    expect(ids(r)).toEqual(['documents-withheld']);
    expect(r.suggestions[0]!.spans.map((s) => s.text)).toEqual(['quitaron el DNI']);
  });
});
