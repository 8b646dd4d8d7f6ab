import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { simpleSummary } from '../../dialogs/cards/review-card';
import { reviewCommands } from '../../dialogs/review-commands';
import { createAuthorNotifier, type ProactiveAdapter } from '../../src/bot/author-notifier';
import { FaroBot } from '../../src/bot/faro-bot';
import { personalChatGuard } from '../../src/bot/teams-guard';
import { createLogger } from '../../src/log';
import type { IndicatorCatalogue } from '../../src/protocol/schema';
import type { AuditLog } from '../../src/review/audit';
import { fileDirectory } from '../../src/review/directory';
import { qualityFlags } from '../../src/review/quality-flags';
import { createReviewService } from '../../src/review/review-service';
import type { User } from '../../src/review/roles';
import type { SessionStore } from '../../src/storage/session-store';
import { memoryAuditLog } from '../fakes/memory-audit-log';
import { memorySessionStore } from '../fakes/memory-session-store';
import { taggedProtocol } from '../fixtures/records';
import { testI18n } from './i18n';

class NoDialog extends Dialog<{ sessionId: string }> {
  constructor() { super('protocol'); }
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> { return dc.endDialog(); }
}

const src = [{ standard: 'test' }];
export const reviewCatalogue: IndicatorCatalogue = {
  version: '1.0.0',
  indicators: [
    { id: 'strong-debt', categories: ['means.debt-bondage'], strength: 'strong', scenarios: ['general'], sources: src },
    { id: 'minor', categories: ['vulnerability.child'], strength: 'strong', scenarios: ['child'], sources: src },
  ],
};

const words = (title: string) => ({ title, description: 'd', sections: { prep: 'p', facts: 'f', close: 'c' }, steps: { account: { title: `${title} account step` } } });

/**
 * The real FaroBot with the review commands, the Teams guard as middleware and the real notifier,
 * whose proactive sends land in the same TestAdapter queue (in the author's conversation).
 */
export function reviewBot(opts: { users: User[]; allowedTenants?: string[]; store?: SessionStore; audit?: AuditLog; clock?: () => Date }) {
  const storage = new MemoryStorage();
  const store = opts.store ?? memorySessionStore();
  const audit = opts.audit ?? memoryAuditLog();
  const clock = opts.clock ?? (() => new Date('2026-04-01T12:00:00Z'));
  const i18n = testI18n({
    es: { 'protocol.tagged': words('Guía etiquetada') }, en: { 'protocol.tagged': words('Tagged guide') }, pt: { 'protocol.tagged': words('Guia etiquetado') },
  });
  const directory = fileDirectory({ users: opts.users });
  const conversationState = new ConversationState(storage);
  const logger = createLogger('silent');
  const flagsOf = (r: Parameters<typeof qualityFlags>[0]) => qualityFlags(r, taggedProtocol, reviewCatalogue);
  const service = createReviewService({ store, audit, directory, clock, flagsOf });
  let adapter: TestAdapter;
  const proactive: ProactiveAdapter = {
    async continueConversationAsync(_appId, ref, logic) {
      const activity = TurnContext.applyConversationReference({ type: 'event', name: 'notice' }, ref, true);
      await logic(new TurnContext(adapter, activity));
    },
  };
  const notifyAuthor = createAuthorNotifier({ adapter: proactive, botAppId: '', i18n, defaultLocale: 'es', logger });
  const review = reviewCommands({ service, store, conversationState, notifyAuthor, flagsOf, renderSummary: simpleSummary(reviewCatalogue), logger });
  const bot = new FaroBot({
    i18n, defaultLocale: 'es', directory, store, allowedTenants: opts.allowedTenants,
    content: { protocols: new Map([['tagged', taggedProtocol]]), catalogue: reviewCatalogue },
    conversationState, userState: new UserState(storage), protocolDialog: new NoDialog(),
    startState: () => { throw new Error('not used'); }, clock, logger, maxTextChars: 4000,
    extraCommands: review.extraCommands, extraMenu: review.extraMenu,
  });
  adapter = new TestAdapter(async (ctx) => bot.run(ctx));
  adapter.use(personalChatGuard(i18n, 'es'));
  return { adapter, store, audit, i18n, service };
}

/** Sends one activity and returns everything the bot sent during it (replies and proactive notices). */
export async function say(adapter: TestAdapter, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.length = 0;
  await adapter.send(activity);
  return adapter.activeQueue.splice(0);
}

export const texts = (acts: Partial<Activity>[]): string => acts.map((a) => a.text ?? '').join('\n');
export const cardJson = (acts: Partial<Activity>[]): string => JSON.stringify(acts.flatMap((a) => a.attachments ?? []));
/** How a text appears inside serialized card JSON. */
export const inJson = (s: string): string => JSON.stringify(s).slice(1, -1);
