import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../scripts/audit-verify';
import { auditKey } from '../../src/review/audit';
import { dataKey } from '../../src/storage/crypto';
import { auditFilePath } from '../../src/storage/existing-key';
import { createFileAuditLog } from '../../src/storage/file-audit-log';
import { createFileSessionStore } from '../../src/storage/file-session-store';
import { KEY_FILE_NAME } from '../../src/storage/key';
import { record } from '../fixtures/records';
import { reviewBot, say } from '../helpers/review-bot';

const ID = '8f7c2c1e-1111-4a2b-9c3d-0000000000bb';
const users = [
  { id: 'off-1', name: 'O', role: 'officer' as const, office: 'police-1' },
  { id: 'sup-1', name: 'S', role: 'supervisor' as const, office: 'police-1' },
];

describe('audit:verify', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'faro-audit-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  async function writeTrailWithTheBot(env: NodeJS.ProcessEnv): Promise<number> {
    const key = dataKey(Buffer.from(env.FARO_ENCRYPTION_KEY!, 'base64'));
    const store = createFileSessionStore({ dataDir: dir, key });
    const audit = createFileAuditLog({ file: auditFilePath(dir), key: auditKey(key.key) });
    await store.save(record({ id: ID, author: { id: 'off-1', role: 'officer', office: 'police-1' }, office: 'police-1', status: 'completed' }), null);
    const { adapter } = reviewBot({ users, store, audit });
    const msg = (who: string, text: string) => ({ type: 'message', text, locale: 'en', from: { id: who, name: who }, conversation: { id: `c-${who}` } as never });
    await say(adapter, msg('off-1', 'submit'));
    await say(adapter, msg('sup-1', 'review'));
    await say(adapter, msg('sup-1', `open ${ID}`));
    await say(adapter, msg('sup-1', 'sign-off'));
    await say(adapter, msg('off-1', 'open 8f7c2c1e-1111-4a2b-9c3d-000000000000'));
    return (await audit.entries()).length;
  }

  it('verifies a chain written by the bot and names the entry an edit breaks', async () => {
    const env = { DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const count = await writeTrailWithTheBot(env);
    expect(count).toBe(5);
    expect(await main(env)).toEqual({ code: 0, message: 'audit chain OK: 5 entries' });

    const file = auditFilePath(dir);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    lines[2] = lines[2]!.replace('"outcome":"allowed"', '"outcome":"denied"');
    await writeFile(file, `${lines.join('\n')}\n`);
    const broken = await main(env);
    expect(broken.code).toBe(1);
    expect(broken.message).toMatch(/BROKEN at entry 2 \(line 3 of .*audit\.jsonl\): its MAC does not match/);
  });

  it('reports an entry removed from the middle', async () => {
    const env = { DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    await writeTrailWithTheBot(env);
    const file = auditFilePath(dir);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    lines.splice(1, 1);
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await main(env)).toMatchObject({ code: 1, message: expect.stringMatching(/entry 1 .*sequence number/) });
  });

  it('fails with another key', async () => {
    const env = { DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    await writeTrailWithTheBot(env);
    const other = await main({ ...env, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(other).toMatchObject({ code: 1, message: expect.stringMatching(/entry 0 .*MAC/) });
  });

  it('refuses clearly when there is no key, and does not create one', async () => {
    const out = await main({ DATA_DIR: dir });
    expect(out.code).toBe(1);
    expect(out.message).toMatch(/no key found: FARO_ENCRYPTION_KEY is not set/);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('says so when there is no audit trail', async () => {
    expect(await main({ DATA_DIR: dir, FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64') })).toMatchObject({ code: 1, message: expect.stringMatching(/no audit trail at/) });
  });
});
