import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ActivityTypes, ConversationState, TestAdapter, UserState, type StoreItems } from 'botbuilder';
import { createEncryptedBotStorage, stateFileName } from '../../src/storage/encrypted-bot-storage';
import type { CorruptCode } from '../../src/storage/sealed-file';
import { filesContaining, newKey, tempDir } from './fixtures';

describe('encrypted bot storage', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('writes, reads and deletes items, stamping a new eTag on each write', async () => {
    const s = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    await s.write({ a: { n: 1 }, b: { list: [1, 2] } });
    const r1 = await s.read(['a', 'b', 'missing']);
    expect(Object.keys(r1).sort()).toEqual(['a', 'b']);
    expect(r1['a']).toMatchObject({ n: 1 });
    expect(typeof r1['a']?.eTag).toBe('string');
    await s.write({ a: { ...r1['a'], n: 2 } });
    const r2 = await s.read(['a']);
    expect(r2['a']?.n).toBe(2);
    expect(r2['a']?.eTag).not.toBe(r1['a']?.eTag);
    await s.delete(['a', 'never-written']);
    expect(await s.read(['a', 'b'])).toEqual({ b: r1['b'] });
  });

  it('rejects a stale eTag and lets * and a missing eTag overwrite', async () => {
    const s = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    await s.write({ k: { v: 1 } });
    const old = (await s.read(['k']))['k'] as StoreItems[string];
    await s.write({ k: { ...old, v: 2 } });
    await expect(s.write({ k: { ...old, v: 3 } })).rejects.toMatchObject({ code: 'ETAG_CONFLICT', message: 'Storage: error writing "k" due to eTag conflict.' });
    expect((await s.read(['k']))['k']?.v).toBe(2);
    await s.write({ k: { ...old, v: 4, eTag: '*' } });
    expect((await s.read(['k']))['k']?.v).toBe(4);
    await s.write({ k: { v: 5 } });
    expect((await s.read(['k']))['k']?.v).toBe(5);
  });

  it('lets exactly one of two concurrent writes carrying the same eTag win', async () => {
    const s = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    await s.write({ k: { v: 0 } });
    const cur = (await s.read(['k']))['k'] as StoreItems[string];
    const results = await Promise.allSettled([s.write({ k: { ...cur, v: 1 } }), s.write({ k: { ...cur, v: 2 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('returns copies: changing what was read or written does not change what is stored', async () => {
    const s = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    const item = { nested: { x: 1 } };
    const pending = s.write({ k: item });
    item.nested.x = 99;
    await pending;
    const a = await s.read(['k']);
    (a['k'] as { nested: { x: number } }).nested.x = 42;
    expect((await s.read(['k']))['k']?.nested).toEqual({ x: 1 });
  });

  it('names files by the hash of the key and keeps ids and content out of the files', async () => {
    const s = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    const key = 'msteams/conversations/a:CONV-ID-4711/';
    await s.write({ [key]: { text: 'PALABRA-CLAVE-9931' } });
    expect(await readdir(join(dir, 'state'))).toEqual([`${stateFileName(key)}.json`]);
    expect(await filesContaining(dir, 'CONV-ID-4711')).toEqual([]);
    expect(await filesContaining(dir, 'PALABRA-CLAVE-9931')).toEqual([]);
  });

  it('quarantines a damaged file, reads nothing for that key and keeps other keys', async () => {
    const reports: Array<[string, CorruptCode]> = [];
    const key = newKey();
    const s = createEncryptedBotStorage({ dataDir: dir, key, onCorrupt: (id, c) => reports.push([id, c]) });
    await s.write({ good: { v: 1 }, bad: { v: 2 } });
    const file = join(dir, 'state', `${stateFileName('bad')}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 5));
    expect(await s.read(['good', 'bad'])).toEqual({ good: expect.objectContaining({ v: 1 }) });
    expect(reports).toEqual([[stateFileName('bad'), 'BAD_ENVELOPE']]);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);
    await s.write({ bad: { v: 3 } });
    expect((await s.read(['bad']))['bad']?.v).toBe(3);
  });

  it('throws a key mismatch under another key and leaves the file in place', async () => {
    const a = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    await a.write({ k: { v: 1 } });
    const b = createEncryptedBotStorage({ dataDir: dir, key: newKey() });
    await expect(b.read(['k'])).rejects.toMatchObject({ code: 'KEY_MISMATCH' });
    expect((await a.read(['k']))['k']?.v).toBe(1);
  });

  it('keeps ConversationState and UserState across storage instances under a TestAdapter', async () => {
    const key = newKey();
    const makeBot = () => {
      const storage = createEncryptedBotStorage({ dataDir: dir, key });
      const convo = new ConversationState(storage);
      const user = new UserState(storage);
      const count = convo.createProperty<number>('count');
      const name = user.createProperty<string>('name');
      const adapter = new TestAdapter(async (ctx) => {
        if (ctx.activity.type !== ActivityTypes.Message) return;
        const n = ((await count.get(ctx, 0)) ?? 0) + 1;
        await count.set(ctx, n);
        if (ctx.activity.text?.startsWith('name ')) await name.set(ctx, ctx.activity.text.slice(5));
        await ctx.sendActivity(`${n}:${(await name.get(ctx, '')) ?? ''}`);
        await convo.saveChanges(ctx);
        await user.saveChanges(ctx);
      });
      return adapter;
    };
    await makeBot().send('name Ada').assertReply('1:Ada').send('hi').assertReply('2:Ada').startTest();
    await makeBot().send('again').assertReply('3:Ada').startTest();
    expect(await readdir(join(dir, 'state'))).toHaveLength(2);
  });
});
