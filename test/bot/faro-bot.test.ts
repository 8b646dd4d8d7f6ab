import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { FaroBot } from '../../src/bot/faro-bot';
import { createLogger } from '../../src/log';
import type { Protocol } from '../../src/protocol/schema';
import { demoDirectory, fileDirectory } from '../../src/review/directory';
import type { ProtocolState } from '../../src/session/record';
import { memorySessionStore } from '../fakes/memory-session-store';
import { testI18n } from '../helpers/i18n';

/** Stands in for the protocol dialog: says which session it was begun with. */
class EchoSessionDialog extends Dialog<{ sessionId: string }> {
  constructor() { super('protocol'); }
  override async beginDialog(dc: DialogContext, options?: { sessionId: string }): Promise<DialogTurnResult> {
    await dc.context.sendActivity(`session:${options?.sessionId}`);
    return Dialog.EndOfTurn;
  }
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(`in-session:${dc.context.activity.text ?? JSON.stringify(dc.context.activity.value)}`);
    return Dialog.EndOfTurn;
  }
}

const protocol = (id: string, roles: Protocol['roles']): Protocol => ({
  id, version: '1.0.0', roles, sections: ['s'],
  steps: [{ id: 'a', section: 's', kind: 'guidance', sources: [{ standard: 'test' }] }],
});
const protoWords = (title: string) => ({ title, description: 'd', sections: { s: 's' }, steps: { a: { title: 'a', body: 'b', why: 'w' } } });

function setup(opts: { users?: Parameters<typeof fileDirectory>[0] } = {}) {
  const storage = new MemoryStorage();
  const store = memorySessionStore();
  const i18n = testI18n({
    es: { 'protocol.interview': protoWords('Guía de entrevista'), 'protocol.life-story': protoWords('Historia de vida') },
    en: { 'protocol.interview': protoWords('Interview guide'), 'protocol.life-story': protoWords('Life story') },
    pt: { 'protocol.interview': protoWords('Guia de entrevista'), 'protocol.life-story': protoWords('História de vida') },
  });
  const bot = new FaroBot({
    i18n, defaultLocale: 'es',
    directory: opts.users ? fileDirectory(opts.users) : demoDirectory(),
    store,
    content: { protocols: new Map([['interview', protocol('interview', ['officer'])], ['life-story', protocol('life-story', ['defender'])]]), catalogue: { version: '1.0.0', indicators: [] } as never },
    conversationState: new ConversationState(storage), userState: new UserState(storage),
    protocolDialog: new EchoSessionDialog(),
    startState: (p): ProtocolState => ({ protocolId: p.id, protocolVersion: p.version, cursor: 'a', trail: ['a'], answers: {}, skipped: [], marks: {}, notes: [], consent: {}, seq: 0 }),
    clock: () => new Date('2026-01-01T10:00:00Z'),
    logger: createLogger('silent'),
    maxTextChars: 200,
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx));
  return { adapter, store };
}

const texts = (acts: Partial<Activity>[]) => acts.map((a) => a.text ?? '').join('\n');
async function say(adapter: TestAdapter, activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.length = 0;
  await adapter.send(activity as Partial<Activity>);
  return adapter.activeQueue.splice(0);
}
const cardJson = (acts: Partial<Activity>[]) => JSON.stringify(acts.flatMap((a) => a.attachments ?? []));

describe('FaroBot', () => {
  it('greets in Spanish by default, says what is recorded stays confidential, and asks a demo visitor for a role', async () => {
    const { adapter } = setup();
    const out = await say(adapter, { type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'u' }], from: { id: 'user', name: 'u' } });
    expect(texts(out)).toMatch(/Hola, soy Faro/);
    expect(texts(out)).toMatch(/confidencial/);
    expect(cardJson(out)).toContain('"cmd":"role"');
  });

  it('shows the menu with only the protocols the role may start once a demo role is picked', async () => {
    const { adapter } = setup();
    const out = await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    const card = cardJson(out);
    expect(card).toContain('Empezar: Guía de entrevista');
    expect(card).not.toContain('Historia de vida');
    expect(card).toContain('"cmd":"language"');
  });

  it('switches language by typed command, with or without a slash, in English or in the words of the current language', async () => {
    const { adapter } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    expect(texts(await say(adapter, '/language en'))).toMatch(/continue in English/);
    expect(cardJson(await say(adapter, 'menu'))).toContain('Start: Interview guide');
    expect(texts(await say(adapter, 'language pt'))).toMatch(/português/);
    expect(texts(await say(adapter, 'idioma es'))).toMatch(/en español/);
  });

  it('answers a Teams-shaped activity in Portuguese from its pt-BR locale', async () => {
    const { adapter } = setup({ users: { users: [{ id: 'aad-1', name: 'Ana', role: 'officer', office: 'sp-1' }] } });
    const out = await say(adapter, { type: 'message', text: 'ajuda', channelId: 'msteams', locale: 'pt-BR', from: { id: '29:x', name: 'Ana', aadObjectId: 'aad-1' } as never });
    expect(texts(out)).toMatch(/Toque nos botões/);
  });

  it('refuses an unknown user politely and does nothing else', async () => {
    const { adapter, store } = setup({ users: { users: [{ id: 'known', name: 'K', role: 'officer', office: 'o' }] } });
    const out = await say(adapter, { type: 'message', text: 'start interview', locale: 'en-US', from: { id: 'stranger', name: 's' } });
    expect(texts(out)).toMatch(/do not have access/);
    expect(out).toHaveLength(1);
    expect(store.size()).toBe(0);
  });

  it('starts a session pinned to the protocol, owned by the speaker, and hands it to the protocol dialog', async () => {
    const { adapter, store } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    const out = await say(adapter, 'start interview');
    const [row] = await store.list();
    expect(row).toMatchObject({ protocolId: 'interview', kind: 'officer', office: 'demo-police', status: 'in-progress' });
    expect(texts(out)).toBe(`session:${row!.id}`);
    expect(texts(await say(adapter, 'next'))).toBe('in-session:next');
  });

  it('refuses to start a protocol the role may not start, and names the options', async () => {
    const { adapter, store } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    const out = await say(adapter, 'empezar life-story');
    expect(texts(out)).toMatch(/No conozco ese protocolo/);
    expect(store.size()).toBe(0);
  });

  it('rejects tampered card submits with a clear message and changes nothing', async () => {
    const { adapter, store } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    for (const value of [{ faro: 1, cmd: 'format-disk' }, { faro: 1, cmd: 'start', arg: 42 }, { faro: 2, cmd: 'menu' }, { faro: 1, cmd: 'menu', extra: true }, 'menu']) {
      expect(texts(await say(adapter, { type: 'message', value }))).toMatch(/No pude leer esa acción/);
    }
    expect(store.size()).toBe(0);
  });

  it('answers unknown commands and oversized text helpfully', async () => {
    const { adapter } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    expect(texts(await say(adapter, 'frobnicate'))).toMatch(/menú/);
    expect(texts(await say(adapter, 'next'))).toMatch(/No hay ninguna sesión abierta/);
    expect(texts(await say(adapter, 'x'.repeat(201)))).toMatch(/demasiado largo/);
  });

  it('resumes the only paused session, and lists them when there are several', async () => {
    const { adapter, store } = setup();
    await say(adapter, { type: 'message', value: { faro: 1, cmd: 'role', arg: 'officer' } });
    expect(texts(await say(adapter, 'resume'))).toMatch(/No tiene sesiones en pausa/);
    await say(adapter, 'start interview');
    const [first] = await store.list();
    expect(texts(await say(adapter, 'reanudar'))).toBe(`session:${first!.id}`);
    await say(adapter, 'start interview');
    const out = await say(adapter, 'resume');
    expect(cardJson(out)).toContain(first!.id);
  });
});
