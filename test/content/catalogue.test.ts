import { CATEGORIES, IndicatorCatalogue, SCENARIOS } from '../../src/protocol/schema';
import { findSeedsDir, LOCALES, readProjectJson, sourceProblems } from './content-files';

describe('the indicator catalogue', () => {
  const parsed = IndicatorCatalogue.safeParse(readProjectJson('prompts/indicators.json'));

  it('parses with the IndicatorCatalogue schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  const catalogue = parsed.success ? parsed.data : { version: '0.0.0', indicators: [] };
  const ids = catalogue.indicators.map((i) => i.id);

  it('has between 60 and 90 indicators with unique ids', () => {
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(ids.length).toBeLessThanOrEqual(90);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('uses every category at least once', () => {
    const used = new Set(catalogue.indicators.flatMap((i) => i.categories));
    expect(CATEGORIES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('uses every scenario at least once', () => {
    const used = new Set(catalogue.indicators.flatMap((i) => i.scenarios));
    expect(SCENARIOS.filter((s) => !used.has(s))).toEqual([]);
  });

  it('marks proposed presumptions as such and says so in every label', () => {
    const proposed = catalogue.indicators.filter((i) => i.strength === 'proposed-presumption');
    expect(proposed.length).toBeGreaterThan(0);
    for (const lng of LOCALES) {
      const words = readProjectJson(`locales/${lng}/indicators.json`) as Record<string, { label: string }>;
      const unmarked = proposed.filter((i) => !/\((?:[^)]*presun|[^)]*presumption)/i.test(words[i.id]?.label ?? ''));
      expect(unmarked.map((i) => `${lng}:${i.id}`)).toEqual([]);
    }
  });

  it.each(LOCALES)('has a label of at most 60 characters and a hint for every indicator in %s', (lng) => {
    const words = readProjectJson(`locales/${lng}/indicators.json`) as Record<string, { label?: unknown; hint?: unknown }>;
    const faults: string[] = [];
    for (const id of ids) {
      const w = words[id];
      if (typeof w?.label !== 'string' || !w.label.trim()) faults.push(`${id}: no label`);
      else if (w.label.length > 60) faults.push(`${id}: label longer than 60`);
      if (typeof w?.hint !== 'string' || !w.hint.trim()) faults.push(`${id}: no hint`);
    }
    for (const extra of Object.keys(words)) if (!ids.includes(extra)) faults.push(`${extra}: not in the catalogue`);
    expect(faults).toEqual([]);
  });

  it('cites seed documents that exist, within their line count', () => {
    const seeds = findSeedsDir();
    expect(seeds).toBeDefined();
    const problems = catalogue.indicators.flatMap((i) => sourceProblems(seeds ?? '', i.id, i.sources));
    expect(problems).toEqual([]);
  });
});
