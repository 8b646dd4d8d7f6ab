import type { TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { fixedT, resolveLocale, type Locale } from '../i18n';
import type { Logger } from '../log';

/** An error with a stable code that the boundary can log without any content. */
export class FaroError extends Error {
  constructor(readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FaroError';
  }
}

const codeOf = (err: unknown): string =>
  err instanceof FaroError ? err.code : err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : 'UNEXPECTED';

/**
 * The one turn-error boundary: logs the conversation id and an error code (never the message text or
 * the activity), apologises in the person's language, and leaves every stored record as it was.
 */
export function turnErrorHandler(deps: { i18n: i18n; logger: Logger; defaultLocale: Locale; userLocale?: (ctx: TurnContext) => Promise<string | undefined> }) {
  return async (ctx: TurnContext, err: Error): Promise<void> => {
    deps.logger.error(
      { event: 'turn.error', conversationId: ctx.activity?.conversation?.id, code: codeOf(err), errorName: err?.name },
      'turn failed',
    );
    try {
      const chosen = deps.userLocale ? await deps.userLocale(ctx).catch(() => undefined) : undefined;
      const t = fixedT(deps.i18n, resolveLocale(chosen, ctx.activity?.locale, deps.defaultLocale));
      await ctx.sendActivity(t('errors:turn'));
    } catch (sendErr) {
      deps.logger.error({ event: 'turn.error.reply-failed', conversationId: ctx.activity?.conversation?.id, code: codeOf(sendErr) }, 'could not apologise');
    }
  };
}
