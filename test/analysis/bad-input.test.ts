import { randomBytes } from 'node:crypto';
import { loadLocalAnalyzer } from '../../src/analysis/default-local-analyzer';
import { projectRoot } from '../../src/paths';

const built = loadLocalAnalyzer(projectRoot());
if (!built.ok) throw new Error(built.errors.join('\n'));
const analyzer = built.analyzer;

describe('the local engine on awkward input', () => {
  it('returns an empty result for empty or blank text', async () => {
    expect(await analyzer.analyze('')).toEqual({ lang: 'es', suggestions: [], pii: [] });
    expect(await analyzer.analyze(' \n\t ', { lang: 'pt' })).toEqual({ lang: 'pt', suggestions: [], pii: [] });
  });

  it('finishes on 1 MB of text with spans that point into it', async () => {
    const note = 'Le quitaron el pasaporte y le dicen que debe el pasaje. Teléfono +52 55 1234 5678. ';
    const text = note.repeat(Math.ceil(1_000_000 / note.length));
    const r = await analyzer.analyze(text);
    expect(r.lang).toBe('es');
    const doc = r.suggestions.find((s) => s.indicator === 'doc-passport-retained');
    expect(doc?.spans.length).toBe(Math.ceil(1_000_000 / note.length));
    expect(r.pii.every((p) => text.slice(p.start, p.end) === p.text)).toBe(true);
  });

  it('does not crash on binary garbage and keeps offsets inside the text', async () => {
    const text = randomBytes(200_000).toString('latin1') + '\u0000\uD800\uDFFF\uFFFD';
    const r = await analyzer.analyze(text);
    expect(['es', 'en', 'pt']).toContain(r.lang);
    for (const p of r.pii) expect(p.end).toBeLessThanOrEqual(text.length);
    for (const s of r.suggestions) for (const sp of s.spans) expect(text.slice(sp.start, sp.end)).toBe(sp.text);
  });

  it('reads a mixed-language note sentence by sentence', async () => {
    const text = 'La entrevistada es brasileña y vive en Lima desde hace dos años con su hermana y los hijos de ella. Ela disse: "o patrão ficou com o meu passaporte e não me deixava sair". Luego la trasladaron a otra ciudad. She also says they threatened her family.';
    const r = await analyzer.analyze(text);
    expect(r.lang).toBe('es');
    expect(r.suggestions.map((s) => s.indicator).sort()).toEqual(
      ['doc-passport-retained', 'move-not-free-to-leave', 'move-transported-by-others', 'threat-family'],
    );
  });
});
