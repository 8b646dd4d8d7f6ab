import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { exportSchemaPath, exportSchemaText } from '../../scripts/write-export-schema';
import { SUPPORTED_LOCALES } from '../../src/i18n';
import { parseExport, SessionExport, toExport } from '../../src/summary/export';
import { courierIntake, courierInterview, microTraffickingIntake } from './cases';
import { catalogue, interview, lifeStory } from './fixtures';
import { tFor } from './fixture-locales';

const published = (): Record<string, unknown> => JSON.parse(readFileSync(exportSchemaPath(), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(published());
}

describe('JSON export', () => {
  it('has its published schema file equal to the one generated from the zod schema', () => {
    expect(readFileSync(exportSchemaPath(), 'utf8')).toBe(exportSchemaText());
    expect(published().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each([
    ['an officer interview', () => toExport(courierInterview(), interview, catalogue, { t: tFor('es') })],
    ['a courier intake', () => toExport(courierIntake(), lifeStory, catalogue, { t: tFor('en') })],
    ['a micro-trafficking intake', () => toExport(microTraffickingIntake(), lifeStory, catalogue)],
  ])('validates against the published schema for %s', (_name, make) => {
    const validate = validator();
    const ok = validate(JSON.parse(JSON.stringify(make())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is refused by the published schema when damaged', () => {
    const validate = validator();
    const data = JSON.parse(JSON.stringify(toExport(courierInterview(), interview, catalogue))) as Record<string, unknown>;
    expect(validate({ ...data, exportVersion: '2.0.0' })).toBe(false);
    expect(validate({ ...data, indicative: false })).toBe(false);
    expect(validate({ ...data, createdAt: 'yesterday' })).toBe(false);
    expect(validate({ ...data, extra: 1 })).toBe(false);
  });

  it('reads an export back to the same data', () => {
    const exported = toExport(courierIntake(), lifeStory, catalogue, { t: tFor('pt') });
    const back = parseExport(JSON.stringify(exported, null, 2));
    expect(back).toEqual({ ok: true, value: exported });
    expect(parseExport('{not json')).toEqual({ ok: false, error: 'invalid-json' });
    expect(parseExport('{"exportVersion":"1.0.0"}')).toEqual({ ok: false, error: 'invalid-export' });
  });

  it('carries protocol, version, locale, status, indicators with their notes, notes with history, answers, consent, timeline and the reading', () => {
    const e = toExport(courierIntake(), lifeStory, catalogue);
    expect(e).toMatchObject({ exportVersion: '1.0.0', protocol: { id: 'life-story', version: '1.0.0' }, locale: 'es', status: 'in-progress', indicative: true });
    expect(e.indicators.find((i) => i.id === 'means-threat-family')).toMatchObject({ categories: ['means.threats-to-family'], strength: 'strong', status: 'confirmed', supportingNoteIds: ['n2'] });
    expect(e.timeline).toHaveLength(6);
    expect(e.nonPunishment!.status).toBe('not-enough-information');
    expect(e.consent).toEqual([{ item: 'intake', value: 'yes', at: expect.any(String), stepId: 'consent-intake' }]);
    const deleted = toExport(courierInterview(), interview, catalogue).notes.find((n) => n.id === 'n4')!;
    expect(deleted).toMatchObject({ text: '', deleted: true });
  });

  it.each(SUPPORTED_LOCALES)('states that indicators are indicative, in %s', (lng) => {
    const e = toExport(courierInterview({ locale: lng }), interview, catalogue, { t: tFor(lng) });
    expect(e.statement).toEqual({ code: 'indicative-not-legal-determination', text: tFor(lng)('summary:statement') });
    expect(JSON.stringify(e)).toContain(tFor(lng)('summary:statement'));
  });

  it('applies the redaction hook to every free-text field and to nothing else', () => {
    const r = courierIntake();
    r.state.answers['free-detail'] = { value: 'Vive en la calle Falsa 123', at: r.createdAt };
    r.state.notes[0]!.history = [{ action: 'created', text: 'original con nombre', at: r.createdAt, by: 'u-ana' }];
    const e = toExport(r, lifeStory, catalogue, { redact: (s) => `[${s.length}]` });
    expect(e.notes.every((n) => /^\[\d+\]$/.test(n.text))).toBe(true);
    expect(e.notes[0]!.history[0]!.text).toBe('[19]');
    expect(e.timeline.every((ev) => /^\[\d+\]$/.test(ev.text) && /^\[\d+\]$/.test(ev.when))).toBe(true);
    expect(e.answers.find((a) => a.stepId === 'free-detail')!.value).toBe('[26]');
    expect(e.answers.find((a) => a.stepId === 'np-victim')!.value).toBe('yes');
    expect(e.consent[0]!.value).toBe('yes');
    expect(() => SessionExport.parse(e)).not.toThrow();
  });
});
