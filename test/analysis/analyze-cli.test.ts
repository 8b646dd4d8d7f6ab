import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze } from '../../scripts/analyze';

describe('the analyze command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faro-analyze-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (argv: string[]) => {
    const out: string[] = []; const err: string[] = [];
    const code = await runAnalyze(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join(''), err: err.join('') };
  };

  it('prints exactly the suggestions and PII spans of a note as JSON', async () => {
    const file = join(dir, 'note.txt');
    const text = 'Le quitaron el pasaporte al llegar. Su correo es ana@example.com.';
    writeFileSync(file, text);
    const r = await run(['--lang', 'es', file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { suggestions: Array<{ indicator: string; spans: Array<{ start: number; end: number; text: string }> }>; pii: unknown[] };
    expect(Object.keys(json).sort()).toEqual(['pii', 'suggestions']);
    expect(json.suggestions.map((s) => s.indicator)).toContain('doc-passport-retained');
    const span = json.suggestions.find((s) => s.indicator === 'doc-passport-retained')!.spans[0]!;
    expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(json.pii).toEqual([{ start: 49, end: 64, category: 'email' }]);
  });

  it('detects the language when --lang is omitted', async () => {
    const file = join(dir, 'pt.txt');
    writeFileSync(file, 'Tiraram o passaporte dela e não a deixavam sair de casa.');
    const r = await run([file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { suggestions: Array<{ indicator: string }> }).suggestions.map((s) => s.indicator)).toEqual(['doc-passport-retained', 'move-not-free-to-leave']);
  });

  it('exits with 2 and a clear message for a missing file or a bad flag', async () => {
    const missing = await run([join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
    expect((await run(['--lang', 'fr', join(dir, 'note.txt')])).err).toMatch(/--lang must be one of es, en, pt/);
    expect((await run(['--verbose', 'x'])).code).toBe(2);
    expect((await run([])).err).toMatch(/FILE is missing/);
    expect((await run([dir])).code).toBe(2);
  });
});
