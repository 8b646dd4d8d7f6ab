import { join } from 'node:path';
import { piiLabels } from '../../src/analysis/pii-labels';
import { detectPii } from '../../src/analysis/pii/detect-pii';
import { redact } from '../../src/analysis/text-analyzer';
import { createI18n, readLocaleResources } from '../../src/i18n';
import { projectRoot } from '../../src/paths';

describe('redaction', () => {
  const text = 'Se llama Rosa Díaz, correo rosa@example.com, tel. +34 612 345 678.';

  it('replaces each span with the upper-case category by default', () => {
    expect(redact(text, detectPii(text))).toBe('Se llama [PERSON], correo [EMAIL], tel. [PHONE].');
  });

  it('uses localised labels from the analysis namespace', () => {
    const i18n = createI18n(readLocaleResources(join(projectRoot(), 'locales')));
    expect(redact(text, detectPii(text), piiLabels(i18n.getFixedT('es')))).toBe('Se llama [NOMBRE], correo [CORREO], tel. [TELÉFONO].');
    expect(redact(text, detectPii(text), piiLabels(i18n.getFixedT('pt')))).toBe('Se llama [NOME], correo [E-MAIL], tel. [TELEFONE].');
  });

  it('merges overlapping spans, ignores unordered input and clips spans outside the text', () => {
    expect(redact('abcdefghij', [
      { start: 6, end: 8, category: 'phone' }, { start: 1, end: 4, category: 'person' }, { start: 2, end: 5, category: 'email' }, { start: 9, end: 50, category: 'address' },
    ])).toBe('a[PERSON]f[PHONE]i[ADDRESS]');
    expect(redact('abc', [])).toBe('abc');
  });
});
