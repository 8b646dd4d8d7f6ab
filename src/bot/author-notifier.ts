import type { ConversationReference, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { fixedT, normalizeLocale, type Locale } from '../i18n';
import type { Logger } from '../log';
import type { SessionRecord } from '../session/record';

export type NoticeKind = 'comment' | 'request-changes' | 'sign-off';

/** Tells a session's author about a review action, in their own conversation. False when it could not. */
export type NotifyAuthor = (record: SessionRecord, kind: NoticeKind) => Promise<boolean>;

/** The one adapter method the notifier needs (CloudAdapter has it). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * A proactive notifier: uses the conversation reference stored on the record and the record's locale.
 * The supervisor's words (the last review entry's text) go with the notice. Failures are logged by
 * code and session id, and never break the supervisor's turn.
 */
export function createAuthorNotifier(deps: { adapter: ProactiveAdapter; botAppId: string; i18n: i18n; defaultLocale: Locale; logger: Logger }): NotifyAuthor {
  return async (record, kind) => {
    const ref = record.conversationRef as Partial<ConversationReference> | undefined;
    if (!ref?.conversation) {
      deps.logger.info({ event: 'review.notice.no-reference', sessionId: record.id }, 'author has no stored conversation');
      return false;
    }
    const t = fixedT(deps.i18n, normalizeLocale(record.locale) ?? deps.defaultLocale);
    const last = record.review?.[record.review.length - 1];
    const title = t(`protocol.${record.state.protocolId}:title`, { defaultValue: record.state.protocolId });
    const lines = [t(`review:notice.${kind}`, { title, date: record.createdAt.slice(0, 10) })];
    if (last?.text) lines.push(t('review:notice.text', { text: last.text }));
    try {
      await deps.adapter.continueConversationAsync(deps.botAppId, ref, async (ctx) => {
        await ctx.sendActivity(lines.join('\n\n'));
      });
      return true;
    } catch (err) {
      deps.logger.warn({ event: 'review.notice.failed', sessionId: record.id, code: (err as { code?: string }).code ?? 'error' }, 'could not notify author');
      return false;
    }
  };
}
