import { ActivityHandler, type Activity } from 'botbuilder';

/**
 * A tiny bot for server tests: answers every message with `<locale>|<from.id>` and keeps the activities
 * it saw, so tests can check what reached the bot.
 */
export class IdentityEchoBot extends ActivityHandler {
  readonly seen: Activity[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.seen.push(context.activity);
      await context.sendActivity(`${context.activity.locale ?? '-'}|${context.activity.from.id}`);
      await next();
    });
  }
}
