import { join } from 'node:path';
import { combineHits, compileCues, matchCues } from '../../src/analysis/cue-matcher';
import { CueFile } from '../../src/analysis/cue-syntax';
import { loadAnalysisContent } from '../../src/analysis/load-analysis-content';
import { createLocalAnalyzer } from '../../src/analysis/local-analyzer';
import { tokenize } from '../../src/analysis/normalize';

const dir = join(__dirname, 'fixtures');
const content = loadAnalysisContent(dir, join(dir, 'catalogue.json'));
if (!content.ok) throw new Error(content.errors.join('\n'));
const known = new Set(content.catalogue.indicators.map((i) => i.id));

const file = (extra: Partial<Record<'concepts' | 'combine', unknown>>): CueFile => CueFile.parse({
  lang: 'es',
  negators: ['no'],
  cues: { 'documents-withheld': ['quit* pasaporte*'], 'debt-owed': ['deuda*'] },
  ...extra,
});

const rules = {
  concepts: { partner: ['novio|marido|pareja'] },
  combine: [
    { all: ['@partner', 'documents-withheld'], add: 'movement-restricted' },
    { all: ['movement-restricted', 'debt-owed'], add: 'family-threatened' },
  ],
};

describe('note-level combination rules', () => {
  it('add an indicator when its parts are found in different sentences of one note', async () => {
    const built = createLocalAnalyzer(content.catalogue, [file(rules)]);
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const r = await built.analyzer.analyze('Vino con el novio. Él le quitó el pasaporte.', { lang: 'es' });
    expect(r.suggestions.map((s) => s.indicator).sort()).toEqual(['documents-withheld', 'movement-restricted']);
    const added = r.suggestions.find((s) => s.indicator === 'movement-restricted')!;
    expect(added.spans.map((s) => s.text)).toEqual(['novio', 'quitó el pasaporte']);
  });

  it('never suggest a concept on its own, nor add anything when a part is missing', async () => {
    const built = createLocalAnalyzer(content.catalogue, [file(rules)]);
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const r = await built.analyzer.analyze('Vino con el novio. Tiene una deuda.', { lang: 'es' });
    expect(r.suggestions.map((s) => s.indicator)).toEqual(['debt-owed']);
  });

  it('chain: an added indicator can complete another rule', () => {
    const compiled = compileCues(file(rules), known);
    if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
    const tokens = tokenize('El marido le quitó el pasaporte y dice que hay una deuda.');
    const found = new Set(combineHits(compiled.set.combine, matchCues(compiled.set, tokens)).map((h) => h.indicator));
    expect([...found].sort()).toEqual(['debt-owed', 'documents-withheld', 'family-threatened', 'movement-restricted']);
  });

  it('respect negation in the concept patterns like in any cue', () => {
    const compiled = compileCues(file(rules), known);
    if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
    const tokens = tokenize('No tiene novio. Le quitó el pasaporte el patrón.');
    expect(combineHits(compiled.set.combine, matchCues(compiled.set, tokens)).map((h) => h.indicator)).toEqual(['documents-withheld']);
  });

  it('reject rules naming an unknown concept or indicator', () => {
    const bad = compileCues(file({ concepts: {}, combine: [{ all: ['@partner', 'nope'], add: 'also-nope' }] }), known);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.join('\n')).toMatch(/"@partner"/);
    expect(bad.errors.join('\n')).toMatch(/"nope"/);
    expect(bad.errors.join('\n')).toMatch(/"also-nope"/);
  });
});
