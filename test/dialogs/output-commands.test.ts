import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { projectRoot } from '../../src/paths';
import { verifyChain, auditKey } from '../../src/review/audit';
import { attachmentsOf, composedFaro, decodeDataUrl, textOf } from '../helpers/composed-bot';

const officer = { id: 'off-1', name: 'O', role: 'officer' as const, office: 'police-1' };
const policeSup = { id: 'sup-1', name: 'S', role: 'supervisor' as const, office: 'police-1' };
const defender = { id: 'def-1', name: 'D', role: 'defender' as const, office: 'defence-1' };
const defenceSup = { id: 'dsup-1', name: 'DS', role: 'supervisor' as const, office: 'defence-1' };
const users = [officer, policeSup, defender, defenceSup];

const NOTE = 'Ella dijo que Marta Quispe guardaba su pasaporte; su teléfono es +51 987 654 321.';

async function sessionWithNotes(who: string, protocol: string) {
  const env = await composedFaro({ users, redact: async (s) => s.replace(/Marta Quispe/g, '[NOMBRE]').replace(/\+51 987 654 321/g, '[TELÉFONO]') });
  const p = env.person(who);
  await p.say(`start ${protocol}`);
  await p.say(`note ${NOTE}`);
  await p.say('note segunda nota');
  const [row] = await env.faro.store.list({ authorId: who });
  return { ...env, p, id: row!.id };
}

describe('reading a session out: summary pages, export, report, notes', () => {
  it('exports the JSON that validates against the published schema, redacted by default, complete on request', async () => {
    const { p } = await sessionWithNotes('off-1', 'interview');
    const out = await p.say('exportar');
    const [file] = attachmentsOf(out);
    expect(file).toMatchObject({ contentType: 'application/json', name: expect.stringMatching(/^faro-.*\.json$/) });
    const data = JSON.parse(decodeDataUrl(file!.contentUrl!));
    const schema = JSON.parse(readFileSync(join(projectRoot(), 'docs', 'schemas', 'session-export-1.0.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    expect(ajv.validate(schema, data)).toBe(true);
    expect(data.redacted).toBe(true);
    expect(JSON.stringify(data)).not.toContain('Marta Quispe');
    expect(JSON.stringify(data)).toContain('[NOMBRE]');
    expect(textOf(out)).toMatch(/sustituido por su categoría/);

    const full = JSON.parse(decodeDataUrl(attachmentsOf(await p.say('exportar completo'))[0]!.contentUrl!));
    expect(full.redacted).toBe(false);
    expect(JSON.stringify(full)).toContain('Marta Quispe');
  });

  it('gives the printable report as HTML and Markdown with the statement of indicativeness', async () => {
    const { p } = await sessionWithNotes('off-1', 'interview');
    const files = attachmentsOf(await p.say('report'));
    expect(files.map((f) => f.contentType)).toEqual(['text/html', 'text/markdown']);
    const html = decodeDataUrl(files[0]!.contentUrl!);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="es"');
    expect(html).not.toContain('Marta Quispe');
    expect(html).toContain('Los indicadores son orientativos, no una determinación jurídica.');
    expect(decodeDataUrl(files[1]!.contentUrl!)).toContain('Los indicadores son orientativos, no una determinación jurídica.');
  });

  it('lists, corrects (keeping the original in the history) and deletes notes, for their author only', async () => {
    const { p, id, faro } = await sessionWithNotes('off-1', 'interview');
    expect(textOf(await p.say('notas'))).toMatch(/1\. Ella dijo[\s\S]*2\. segunda nota/);
    expect(textOf(await p.say('corregir 2 segunda nota, corregida'))).toMatch(/Nota 2 corregida/);
    expect(textOf(await p.say('borrar 1'))).toMatch(/Nota 1 borrada/);
    const record = (await faro.store.load(id))!.record;
    const [first, second] = record.state.notes;
    expect(first).toMatchObject({ deleted: true, text: '' });
    expect(JSON.stringify(first)).not.toContain('Marta');
    expect(second!.text).toBe('segunda nota, corregida');
    expect(second!.history!.map((h) => [h.action, h.text])).toEqual([['created', 'segunda nota'], ['corrected', 'segunda nota, corregida']]);
    expect(textOf(await p.say('borrar 9'))).toMatch(/borrar <número>/);
  });

  it('refuses an officer and a police supervisor any part of a defender intake, and audits each attempt', async () => {
    const env = await sessionWithNotes('def-1', 'life-story');
    for (const who of ['off-1', 'sup-1']) {
      const other = env.person(who);
      for (const cmd of [`export ${env.id}`, `report ${env.id}`, `summary 1 ${env.id}`]) {
        const out = await other.say(cmd);
        expect(textOf(out)).toMatch(/No puede abrir esa sesión/);
        expect(attachmentsOf(out)).toEqual([]);
        expect(JSON.stringify(out)).not.toContain('pasaporte');
      }
    }
    const lines = readFileSync(join(env.dataDir, 'audit', 'audit.jsonl'), 'utf8').trim().split('\n');
    const denied = lines.map((l) => JSON.parse(l)).filter((e) => e.outcome === 'denied' && e.sessionId === env.id);
    expect(denied).toHaveLength(6);
    expect(verifyChain(auditKey(env.key.key), lines)).toMatchObject({ ok: true });
    expect(lines.join('\n')).not.toContain('pasaporte');

    const supOut = await env.person('dsup-1').say(`export ${env.id}`);
    const exported = decodeDataUrl(attachmentsOf(supOut)[0]!.contentUrl!);
    expect(exported).toContain('[NOMBRE]');
    expect(exported).not.toContain('Marta Quispe');
  });
});
