import { suggestIndicators } from '../../src/analysis/suggest-indicators';
import { fixtureAnalyzer } from './fixture-analyzer';

describe('suggestIndicators', () => {
  it('returns the suggested ids in order of appearance, reading the note in its own language', async () => {
    const suggest = suggestIndicators(fixtureAnalyzer());
    expect(await suggest('No la dejaban salir. Además le retuvieron el pasaporte.', 'en')).toEqual(['movement-restricted', 'documents-withheld']);
    expect(await suggest('Nada relevante.', 'es')).toEqual([]);
  });
});
