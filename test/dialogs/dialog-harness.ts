import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { PROTOCOL_DIALOG_ID, ProtocolDialog, type ProtocolDialogResult } from '../../dialogs/protocol-dialog';
import type { RenderSummary } from '../../dialogs/render-effects';
import { TURN_ENV, type TurnEnv } from '../../src/bot/turn-env';
import { createI18n, readLocaleResources, type Locale, type Resources } from '../../src/i18n';
import { createLogger } from '../../src/log';
import { loadContent, type Content } from '../../src/protocol/content';
import { start } from '../../src/protocol/engine';
import { projectRoot } from '../../src/paths';
import type { Role, User } from '../../src/review/roles';
import type { SessionRecord } from '../../src/session/record';
import type { SessionStore } from '../../src/storage/session-store';
import { memorySessionStore } from '../fakes/memory-session-store';

/** Project locales with a content root's locale files laid over them. */
export function mergedResources(contentRoot: string): Resources {
  const base = readLocaleResources(join(projectRoot(), 'locales'));
  if (contentRoot === projectRoot()) return base;
  const extra = readLocaleResources(join(contentRoot, 'locales'));
  for (const [lng, nss] of Object.entries(extra)) base[lng] = { ...(base[lng] ?? {}), ...nss };
  return base;
}

export const testUser = (role: Role, suffix = 'a'): User => ({
  id: `demo-${role}-${suffix}`, name: `${role} ${suffix}`, role, office: role === 'defender' ? 'demo-defence' : 'demo-police',
});

export interface HarnessOptions { contentRoot: string; seedsDir?: string; store?: SessionStore; renderSummary?: RenderSummary }

/** Everything a dialog test needs: content, a store, `t` per locale, sessions and conversations. */
export function harness(opts: HarnessOptions) {
  const content: Content = loadContent(opts.contentRoot, { seedsDir: opts.seedsDir });
  const i18n = createI18n(mergedResources(opts.contentRoot));
  const store = opts.store ?? memorySessionStore();
  let minute = 0;
  const clock = (): Date => new Date(Date.UTC(2026, 2, 1, 10, minute++));
  const t = (locale: Locale): TFunction => i18n.getFixedT(locale);

  async function newSession(protocolId: string, user: User, locale: Locale): Promise<string> {
    const protocol = content.protocols.get(protocolId);
    if (!protocol) throw new Error(`no protocol ${protocolId}`);
    const at = clock().toISOString();
    const record: SessionRecord = {
      schemaVersion: 1, id: randomUUID(), kind: user.role === 'defender' ? 'defender' : 'officer',
      author: { id: user.id, role: user.role, office: user.office }, office: user.office, locale,
      status: 'in-progress', createdAt: at, updatedAt: at, state: start(protocol, clock()).state,
    };
    const saved = await store.save(record, null);
    if (!saved.ok) throw new Error('could not save new session');
    return record.id;
  }

  /** A fresh conversation (new adapter, new dialog instance) for one user in one locale. */
  function conversation(user: User, locale: Locale) {
    const dialog = new ProtocolDialog({ store, content, clock, logger: createLogger('silent'), renderSummary: opts.renderSummary });
    const convoState = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(convoState.createProperty<DialogState>('dialogState')).add(dialog);
    const results: ProtocolDialogResult[] = [];
    let sessionToBegin = '';
    const logic = async (ctx: TurnContext): Promise<void> => {
      const env: TurnEnv = { user, locale, t: t(locale) };
      ctx.turnState.set(TURN_ENV, env);
      const dc = await dialogs.createContext(ctx);
      const r = ctx.activity.type === 'event' && ctx.activity.name === 'faro.begin'
        ? await dc.beginDialog(PROTOCOL_DIALOG_ID, { sessionId: sessionToBegin })
        : await dc.continueDialog();
      if (r.status === DialogTurnStatus.complete) results.push(r.result as ProtocolDialogResult);
      await convoState.saveChanges(ctx);
    };
    const adapter = new TestAdapter(logic);
    const drain = (): Partial<Activity>[] => adapter.activeQueue.splice(0, adapter.activeQueue.length);
    const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
      await adapter.receiveActivity(activity);
      return drain();
    };
    return {
      results,
      begin: (sessionId: string) => { sessionToBegin = sessionId; return send({ type: 'event', name: 'faro.begin' }); },
      say: (text: string) => send({ type: 'message', text }),
      submit: (value: unknown) => send({ type: 'message', value }),
    };
  }

  return { content, store, t, clock, newSession, conversation };
}

/** The step a reply's card shows, read from its `faro-step-<id>` container. */
export function stepOf(a: Partial<Activity>): string | undefined {
  const body = (a.attachments?.[0]?.content as { body?: Array<{ id?: string }> } | undefined)?.body;
  const id = body?.find((e) => e.id?.startsWith('faro-step-'))?.id;
  return id?.slice('faro-step-'.length);
}

/** Every text a reply shows: its text and the TextBlocks of its cards. */
export function textsOf(a: Partial<Activity>): string[] {
  const out: string[] = a.text ? [a.text] : [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  for (const att of a.attachments ?? []) walk(att.content);
  return out;
}
