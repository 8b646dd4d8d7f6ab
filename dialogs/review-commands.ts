import { CardFactory, MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { CardSubmit } from '../src/bot/card-submit';
import type { ParsedCommand } from '../src/bot/commands';
import { saveConversationRef } from '../src/bot/conversation-ref';
import type { NotifyAuthor } from '../src/bot/author-notifier';
import type { TurnEnv } from '../src/bot/turn-env';
import type { Logger } from '../src/log';
import type { QualityFlag } from '../src/review/quality-flags';
import type { ReviewService } from '../src/review/review-service';
import { SessionStatus, type SessionRecord } from '../src/session/record';
import type { SessionStore } from '../src/storage/session-store';
import { adaptiveCard, submitAction, textBlock, type CardElement } from '../src/cards/card';
import { reviewCard, type SummaryRenderer } from './cards/review-card';
import { reviewQueueCard } from './cards/review-queue-card';

export interface ReviewCommandsDeps {
  service: ReviewService;
  /** Used only to find the speaker's own sessions for `submit`. */
  store: SessionStore;
  conversationState: ConversationState;
  notifyAuthor: NotifyAuthor;
  flagsOf: (record: SessionRecord) => QualityFlag[];
  renderSummary: SummaryRenderer;
  logger: Logger;
}

/** What this conversation remembers for review: the session opened last and an erase awaiting confirmation. */
interface ReviewConvState {
  openId?: string;
  eraseId?: string;
}

const SUBMITTABLE: readonly SessionStatus[] = ['in-progress', 'paused', 'completed', 'changes-requested'];
const HANDLED = new Set(['review', 'open', 'submit', 'comment', 'request-changes', 'sign-off', 'erase']);

const send = (ctx: TurnContext, card: CardElement) => ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

/**
 * The review commands and the supervisors' menu button, shaped for `FaroBotDeps.extraCommands` and
 * `FaroBotDeps.extraMenu`. Every access goes through the review service, which checks and audits it.
 */
export function reviewCommands(deps: ReviewCommandsDeps): {
  extraCommands: (ctx: TurnContext, cmd: ParsedCommand, env: TurnEnv) => Promise<boolean>;
  extraMenu: (env: TurnEnv) => Record<string, unknown>[];
} {
  const convState: StatePropertyAccessor<ReviewConvState> = deps.conversationState.createProperty<ReviewConvState>('review');
  const refuse = (ctx: TurnContext, t: TFunction, error: string) => ctx.sendActivity(t(`review:errors.${error}`));

  async function queue(ctx: TurnContext, arg: string, env: TurnEnv): Promise<void> {
    const words = arg.split(/\s+/).filter(Boolean);
    const page = words.find((w) => /^\d+$/.test(w));
    const stateWords = words.filter((w) => w !== page).flatMap((w) => w.split(','));
    const states = stateWords.map((w) => SessionStatus.safeParse(w));
    if (states.some((s) => !s.success)) return void (await refuse(ctx, env.t, 'bad-filter'));
    const result = await deps.service.queue(env.user, { states: states.map((s) => s.data as SessionStatus), page: page ? Number(page) : 1 });
    if (!result.ok) return void (await refuse(ctx, env.t, result.error));
    await send(ctx, reviewQueueCard(env.t, result));
  }

  async function open(ctx: TurnContext, arg: string, env: TurnEnv): Promise<void> {
    const [id = '', detail] = arg.split(/\s+/);
    const showNotes = detail === 'notes';
    const result = await deps.service.open(env.user, id, 'read', showNotes ? 'notes' : undefined);
    if (!result.ok) return void (await refuse(ctx, env.t, result.error));
    await convState.set(ctx, { ...(await convState.get(ctx, {})), openId: id });
    const canReview = env.user.role === 'supervisor' && result.as === 'supervisor';
    await send(ctx, reviewCard(env.t, { record: result.record, flags: deps.flagsOf(result.record), showNotes, canReview, renderSummary: deps.renderSummary }));
  }

  async function submit(ctx: TurnContext, arg: string, env: TurnEnv): Promise<void> {
    const own = (await deps.store.list({ authorId: env.user.id }))
      .filter((r) => SUBMITTABLE.includes(r.status))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const id = arg.trim() || own[0]?.id;
    if (!id) return void (await refuse(ctx, env.t, 'nothing-to-submit'));
    const result = await deps.service.act(env.user, id, 'submit');
    if (!result.ok) return void (await refuse(ctx, env.t, result.error));
    await saveConversationRef(deps.store, id, env.user.id, ctx.activity);
    await ctx.sendActivity(env.t('review:done.submit'));
  }

  async function act(ctx: TurnContext, cmd: ParsedCommand & { name: 'comment' | 'request-changes' | 'sign-off' }, env: TurnEnv): Promise<void> {
    const card = CardSubmit.safeParse(ctx.activity.value);
    const fromCard = card.success && !ctx.activity.text;
    const state = await convState.get(ctx, {});
    const id = fromCard ? cmd.arg.trim() || state.openId : state.openId;
    const text = fromCard ? card.data.text : cmd.arg;
    if (!id) return void (await refuse(ctx, env.t, 'no-open'));
    const result = await deps.service.act(env.user, id, cmd.name, text);
    if (!result.ok) return void (await refuse(ctx, env.t, result.error));
    const told = await deps.notifyAuthor(result.record, cmd.name);
    deps.logger.info({ event: `review.${cmd.name}`, sessionId: id, notified: told }, 'review action');
    await ctx.sendActivity(env.t(`review:done.${cmd.name}`));
  }

  async function erase(ctx: TurnContext, arg: string, env: TurnEnv): Promise<void> {
    const [id = '', confirm] = arg.split(/\s+/);
    const state = await convState.get(ctx, {});
    if (confirm !== 'confirm' || state.eraseId !== id) {
      // Check access first (audited as a read) so nobody learns anything of a session they may not see.
      const seen = await deps.service.open(env.user, id, 'read', undefined);
      if (!seen.ok) return void (await refuse(ctx, env.t, seen.error));
      await convState.set(ctx, { ...state, eraseId: id });
      await send(ctx, adaptiveCard(
        [textBlock(env.t('review:erase.confirm'), { weight: 'Bolder', color: 'Attention' })],
        [submitAction(env.t('review:actions.erase-confirm'), { cmd: 'erase', arg: `${id} confirm` }, 'destructive')],
      ));
      return;
    }
    await convState.set(ctx, { ...state, eraseId: undefined, openId: state.openId === id ? undefined : state.openId });
    const result = await deps.service.erase(env.user, id);
    if (!result.ok) return void (await refuse(ctx, env.t, result.error));
    await ctx.sendActivity(env.t('review:done.erase'));
  }

  return {
    async extraCommands(ctx, cmd, env) {
      if (!HANDLED.has(cmd.name)) return false;
      switch (cmd.name) {
        case 'review': await queue(ctx, cmd.arg, env); break;
        case 'open': await open(ctx, cmd.arg, env); break;
        case 'submit': await submit(ctx, cmd.arg, env); break;
        case 'erase': await erase(ctx, cmd.arg, env); break;
        case 'comment': case 'request-changes': case 'sign-off':
          await act(ctx, { name: cmd.name, arg: cmd.arg }, env);
          break;
      }
      return true;
    },
    extraMenu(env) {
      return env.user.role === 'supervisor' ? [submitAction(env.t('review:menu.queue'), { cmd: 'review' })] : [];
    },
  };
}
