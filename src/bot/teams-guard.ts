import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { fixedT, resolveLocale, type Locale } from '../i18n';

const SHARED = new Set(['groupChat', 'channel']);

/**
 * True when interview content may be shown in this conversation: anything but a Teams group chat or
 * channel. Faro works only in a personal (1:1) chat so nothing of an interview reaches other people.
 */
export function personalOnly(activity: Pick<Activity, 'channelId' | 'conversation'>): boolean {
  if (activity.channelId !== 'msteams') return true;
  const type = (activity.conversation as { conversationType?: string } | undefined)?.conversationType;
  return !type || !SHARED.has(type);
}

/**
 * Middleware form of {@link personalOnly}: in a Teams group chat or channel every message gets only the
 * short note to use the personal chat (in the activity's language), and nothing reaches the bot.
 * Other activities there (members added, installs) are dropped silently.
 */
export function personalChatGuard(i18n: i18n, defaultLocale: Locale): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      if (personalOnly(ctx.activity)) return next();
      if (ctx.activity.type === 'message') {
        const t = fixedT(i18n, resolveLocale(undefined, ctx.activity.locale, defaultLocale));
        await ctx.sendActivity(t('review:personal-chat'));
      }
    },
  };
}
