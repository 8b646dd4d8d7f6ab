import { join } from 'node:path';
import { loadLocalAnalyzer } from '../../src/analysis/default-local-analyzer';
import { evaluate, readEvalCases } from '../../src/analysis/evaluate';
import { loadAnalysisContent } from '../../src/analysis/load-analysis-content';
import { ANALYSIS_LANGS } from '../../src/analysis/text-analyzer';
import { projectRoot } from '../../src/paths';

const root = projectRoot();
const content = loadAnalysisContent(join(root, 'prompts'));
const built = loadLocalAnalyzer(root);
const evalFile = (lang: string) => join(root, 'test', 'analysis', 'eval', `${lang}.jsonl`);

describe('the shipped cues', () => {
  it('load and compile against the indicator catalogue', () => {
    expect(content.ok ? [] : content.errors).toEqual([]);
    expect(built.ok ? [] : built.errors).toEqual([]);
  });

  it('give every catalogue indicator at least one cue in every language', () => {
    if (!content.ok) throw new Error('content did not load');
    const missing = content.cues.flatMap((f) => content.catalogue.indicators.filter((i) => !(f.cues[i.id]?.length)).map((i) => `${f.lang}:${i.id}`));
    expect(missing).toEqual([]);
  });
});

describe('the shipped whole-note rules', () => {
  const ids = async (text: string, lang: 'es' | 'en' | 'pt'): Promise<string[]> => {
    if (!built.ok) throw new Error('analyzer did not build');
    return (await built.analyzer.analyze(text, { lang })).suggestions.map((s) => s.indicator);
  };

  it.each([
    ['es', 'Tiene 15 años. La obligan a atender clientes en un bar.'],
    ['en', 'She is 15. The owner forces her to see clients every night.'],
    ['pt', 'Tem 15 anos. Obrigam ela a atender clientes na boate.'],
  ] as const)('join a child and forced commercial sex in different sentences (%s)', async (lang, text) => {
    expect(await ids(text, lang)).toEqual(expect.arrayContaining(['vuln-child-under-18', 'sex-forced-sex-acts', 'sex-minor-commercial-sex']));
  });

  it.each([
    ['es', 'Vino con el novio. Él le pega cuando no trae plata.'],
    ['en', 'Came with her boyfriend. He beats her when she comes back short.'],
    ['pt', 'Veio com o namorado. Ele bate nela quando volta sem dinheiro.'],
  ] as const)('read a partner and violence in one note as partner violence (%s)', async (lang, text) => {
    expect(await ids(text, lang)).toContain('vuln-partner-violence');
  });

  it('leave a note without the second part alone', async () => {
    expect(await ids('Tiene 15 años y va a la escuela.', 'es')).not.toContain('sex-minor-commercial-sex');
    expect(await ids('Vino con el novio a visitar a la tía.', 'es')).not.toContain('vuln-partner-violence');
  });
});

describe('the evaluation set', () => {
  it.each(ANALYSIS_LANGS)('has at least 40 %s notes with valid labels and offsets', (lang) => {
    if (!content.ok) throw new Error('content did not load');
    const known = new Set(content.catalogue.indicators.map((i) => i.id));
    const cases = readEvalCases(evalFile(lang));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const faults: string[] = [];
    for (const c of cases) {
      for (const id of c.indicators) if (!known.has(id)) faults.push(`${c.id}: unknown indicator ${id}`);
      for (const p of c.pii) if (p.text !== undefined && c.text.slice(p.start, p.end) !== p.text) faults.push(`${c.id}: span ${p.start}-${p.end} is not "${p.text}"`);
    }
    expect(faults).toEqual([]);
    expect(cases.filter((c) => c.indicators.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(ANALYSIS_LANGS)('meets the quality targets in %s', async (lang) => {
    if (!built.ok) throw new Error('analyzer did not build');
    const r = await evaluate(built.analyzer, lang, readEvalCases(evalFile(lang)));
    expect(r.indicators.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.indicators.precision).toBeGreaterThanOrEqual(0.8);
    for (const c of ['email', 'phone', 'document'] as const) {
      expect(r.piiByCategory[c].tp + r.piiByCategory[c].fn).toBeGreaterThan(0);
      expect(r.piiByCategory[c].recall).toBeGreaterThanOrEqual(0.9);
    }
  });
});
