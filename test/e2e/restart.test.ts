import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main as auditVerify } from '../../scripts/audit-verify';
import { fixedT } from '../../src/i18n';
import { startFakeConnector, type FakeConnector, type RecordedReply } from '../helpers/fake-connector';
import { testI18n } from '../helpers/i18n';
import { messageActivity, postActivity, type ActivityJson } from '../helpers/post-activity';
import { startRealFaro, type RealFaro } from '../helpers/real-faro';

const t = fixedT(testI18n(), 'es');
const OFFICER = 'demo-officer-restart1';
const NOTES = [
  'Marcador Zafiro-Quetzal 7731: le retuvieron el pasaporte en la casa de Tegucigalpa',
  'Marcador Ámbar-Colibrí 5519: trabajaba dieciséis horas sin descanso',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('a paused interview survives a restart of the real Faro', () => {
  let connector: FakeConnector;
  let faro: RealFaro | undefined;

  beforeAll(async () => { connector = await startFakeConnector(); });
  afterAll(async () => {
    await faro?.close();
    await connector?.close();
  });

  async function turn(f: RealFaro, conversation: string, text: string): Promise<RecordedReply[]> {
    const activity: ActivityJson = messageActivity(connector.url, { text, from: { id: OFFICER }, conversation: { id: conversation } });
    const before = connector.replies.length;
    const res = await postActivity(f.url, activity);
    expect(res.status).toBe(200);
    const all = await connector.waitForReplies(before + 1, 10_000);
    return all.slice(before).filter((r) => r.replyToId === activity.id);
  }
  const content = (replies: RecordedReply[]): string => JSON.stringify(replies.map((r) => [r.activity.text, r.activity.attachments]));
  const inJson = (s: string): string => JSON.stringify(s).slice(1, -1);

  it('resumes at the same step with the notes and marks, from another conversation, and leaves no note text readable on disk', async () => {
    faro = await startRealFaro();
    const dataDir = faro.dataDir;
    expect(faro.warnings.join(' ')).toMatch(/demo/i);

    await turn(faro, 'conv-a', 'empezar interview');
    await turn(faro, 'conv-a', 'siguiente');
    expect(content(await turn(faro, 'conv-a', `nota ${NOTES[0]}`))).toContain(inJson(t('session:messages.noteSaved')));
    await turn(faro, 'conv-a', 'siguiente');
    await turn(faro, 'conv-a', `nota ${NOTES[1]}`);
    await turn(faro, 'conv-a', 'marcar viol-physical');
    const [row] = await faro.faro.store.list({ authorId: OFFICER });
    const before = (await faro.faro.store.load(row!.id))!.record;
    expect(before.state.cursor).not.toBe('prep-private-space');
    expect(before.state.marks['viol-physical']?.status).toBe('confirmed');
    const stepTitle = t(`protocol.interview:steps.${before.state.cursor}.title`);
    expect(content(await turn(faro, 'conv-a', 'pausa'))).toContain(inJson(t('session:messages.paused')));
    await faro.close();
    faro = undefined;

    faro = await startRealFaro({ dataDir });
    const resumed = content(await turn(faro, 'conv-b', 'reanudar'));
    expect(resumed).toContain(inJson(t('session:messages.resumed')));
    expect(resumed).toContain(inJson(stepTitle));
    const after = (await faro.faro.store.load(row!.id))!.record;
    expect(after.state.cursor).toBe(before.state.cursor);
    expect(after.state.notes.map((n) => n.text)).toEqual(NOTES);
    expect(after.state.marks).toEqual(before.state.marks);
    expect(after.status).toBe('in-progress');
    expect(content(await turn(faro, 'conv-b', 'dónde'))).toContain(inJson(stepTitle));
    await faro.close();
    faro = undefined;

    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(3);
    const needles = NOTES.flatMap((n) => [n, n.split(':')[0]!]).flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect({ file, found: bytes.includes(needle) }).toEqual({ file, found: false });
    }

    const verified = await auditVerify({ DATA_DIR: dataDir });
    expect(verified.message).toMatch(/audit chain OK: \d+ entries/);
    expect(verified.code).toBe(0);
    const auditText = files.filter((f) => f.includes('audit')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(auditText).toContain(row!.id);
    for (const n of NOTES) expect(auditText).not.toContain(n.split(':')[0]!);
  });
});
