import { randomUUID } from 'node:crypto';
import {
  ActivityHandler, CardFactory, MessageFactory,
  type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState,
} from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { i18n, TFunction } from 'i18next';
import { demoRoleCard, menuCard, resumeCard, startableProtocols } from '../../dialogs/cards/menu-card';
import { fixedT, normalizeLocale, resolveLocale, type Locale } from '../i18n';
import type { Logger } from '../log';
import type { Protocol, IndicatorCatalogue } from '../protocol/schema';
import type { ProtocolState, SessionRecord } from '../session/record';
import { newSession } from '../session/new-session';
import type { Directory } from '../review/directory';
import { Role, type User } from '../review/roles';
import type { SessionStore } from '../storage/session-store';
import type { ParsedCommand } from './commands';
import { resolveIdentity } from './identity';
import { readInput } from './read-input';
import { TURN_ENV, type TurnEnv } from './turn-env';

/** What a person chose, kept in (encrypted) user state so it follows them across devices. */
export interface UserPrefs {
  locale?: Locale;
  demoRole?: Role;
}

export interface Content {
  protocols: Map<string, Protocol>;
  catalogue: IndicatorCatalogue;
}

export interface FaroBotDeps {
  i18n: i18n;
  defaultLocale: Locale;
  directory: Directory;
  allowedTenants?: readonly string[];
  store: SessionStore;
  content: Content;
  conversationState: ConversationState;
  userState: UserState;
  /** The one generic protocol dialog; begun with `{ sessionId }`. */
  protocolDialog: Dialog<{ sessionId: string; resumed?: boolean }>;
  /** The engine's initial state for a protocol. */
  startState: (protocol: Protocol, now: Date) => ProtocolState;
  clock: () => Date;
  logger: Logger;
  maxTextChars: number;
  /** Further global commands (review, export…) handled before the dialog; return true when handled. */
  extraCommands?: (ctx: TurnContext, cmd: ParsedCommand, env: TurnEnv) => Promise<boolean>;
  /** Called with every new session before it is first saved, and after (e.g. conversation reference, audit). */
  prepareSession?: (record: SessionRecord, ctx: TurnContext) => SessionRecord;
  onSessionCreated?: (user: User, record: SessionRecord) => Promise<void>;
  /** Extra menu buttons for a person (e.g. the review queue for supervisors). */
  extraMenu?: (env: TurnEnv) => Record<string, unknown>[];
}

const GLOBAL = new Set(['help', 'menu', 'language', 'start', 'resume', 'role']);

/**
 * Faro's ActivityHandler: resolves who is speaking and in which language, answers the global
 * commands, and hands everything else to the protocol dialog. It holds no domain rules.
 */
export class FaroBot extends ActivityHandler {
  private readonly prefs: StatePropertyAccessor<UserPrefs>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: FaroBotDeps) {
    super();
    this.prefs = deps.userState.createProperty<UserPrefs>('prefs');
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(deps.protocolDialog);

    this.onMembersAdded(async (ctx, next) => {
      const bot = ctx.activity.recipient?.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id !== bot)) await this.welcome(ctx);
      await next();
    });
    this.onEvent(async (ctx, next) => {
      if (ctx.activity.name === 'webchat/join') await this.welcome(ctx);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
  }

  /** Runs the turn, then saves conversation and user state (also after an error the boundary handled). */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async env(ctx: TurnContext): Promise<{ env?: TurnEnv; t: TFunction; prefs: UserPrefs }> {
    const prefs = await this.prefs.get(ctx, {});
    const locale = resolveLocale(prefs.locale, ctx.activity.locale, this.deps.defaultLocale);
    const t = fixedT(this.deps.i18n, locale);
    const identity = resolveIdentity(ctx.activity, this.deps.directory, { demoRole: prefs.demoRole, allowedTenants: this.deps.allowedTenants });
    if (!identity.ok) return { t, prefs };
    const conversationType = (ctx.activity.conversation as { conversationType?: string } | undefined)?.conversationType;
    const env: TurnEnv = { user: identity.user, locale, t, conversationType };
    ctx.turnState.set(TURN_ENV, env);
    return { env, t, prefs };
  }

  private async welcome(ctx: TurnContext): Promise<void> {
    const { env, t } = await this.env(ctx);
    await ctx.sendActivity(t('common:welcome.greeting'));
    await ctx.sendActivity(t('common:welcome.confidential'));
    if (env) await this.showMenu(ctx, env);
    else await this.refuse(ctx, t);
  }

  private async refuse(ctx: TurnContext, t: TFunction): Promise<void> {
    const identity = resolveIdentity(ctx.activity, this.deps.directory, { allowedTenants: this.deps.allowedTenants });
    if (!identity.ok && identity.reason === 'pick-demo-role') {
      await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(demoRoleCard(t))));
    } else if (!identity.ok && identity.reason === 'other-tenant') {
      await ctx.sendActivity(t('errors:other-tenant'));
    } else {
      await ctx.sendActivity(t('errors:unknown-user'));
    }
  }

  private async showMenu(ctx: TurnContext, env: TurnEnv): Promise<void> {
    const card = menuCard(env.t, env.user, this.deps.content.protocols.values(), this.deps.extraMenu?.(env) ?? []);
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const { env, t, prefs } = await this.env(ctx);
    const input = readInput(ctx.activity, t, this.deps.maxTextChars);
    if (env === undefined) {
      if (input.ok && input.cmd?.name === 'role' && this.deps.directory.demo) return this.pickDemoRole(ctx, input.cmd.arg, prefs);
      return this.refuse(ctx, t);
    }
    if (!input.ok) {
      await ctx.sendActivity(input.message);
      return;
    }
    const cmd = input.cmd;
    const dc = await this.dialogs.createContext(ctx);
    const open = (dc.activeDialog?.state as { sessionId?: string } | undefined)?.sessionId;
    if (open) env.sessionId = open;
    if (cmd && GLOBAL.has(cmd.name)) return this.global(ctx, cmd, env, prefs, dc.activeDialog !== undefined ? dc : undefined);
    if (cmd && this.deps.extraCommands && (await this.deps.extraCommands(ctx, cmd, env))) return;
    if (dc.activeDialog) {
      await dc.continueDialog();
      return;
    }
    await ctx.sendActivity(cmd ? t('errors:no-session') : t('errors:not-understood'));
  }

  private async global(ctx: TurnContext, cmd: ParsedCommand, env: TurnEnv, prefs: UserPrefs, active?: Awaited<ReturnType<DialogSet['createContext']>>): Promise<void> {
    const { t } = env;
    switch (cmd.name) {
      case 'help':
        await ctx.sendActivity(t('common:help', { joinArrays: '\n' }));
        return;
      case 'menu':
        return this.showMenu(ctx, env);
      case 'role':
        return this.pickDemoRole(ctx, cmd.arg, prefs);
      case 'language': {
        const lng = normalizeLocale(cmd.arg);
        if (!lng) {
          await ctx.sendActivity(t('errors:bad-language'));
          return;
        }
        await this.prefs.set(ctx, { ...prefs, locale: lng });
        const nt = fixedT(this.deps.i18n, lng);
        // channelData.faroLocale lets the web page switch its own words and Web Chat's to the same language.
        await ctx.sendActivity({ type: 'message', text: nt('common:language-changed'), channelData: { faroLocale: lng } });
        return this.showMenu(ctx, { ...env, locale: lng, t: nt });
      }
      case 'start': {
        const protocol = this.deps.content.protocols.get(cmd.arg.trim());
        if (!protocol || !startableProtocols([protocol], env.user).length) {
          await ctx.sendActivity(t('errors:unknown-protocol'));
          return this.showMenu(ctx, env);
        }
        if (active) await active.cancelAllDialogs();
        const now = this.deps.clock();
        const fresh = newSession({ id: randomUUID(), user: env.user, locale: env.locale, state: this.deps.startState(protocol, now), now });
        const record = this.deps.prepareSession ? this.deps.prepareSession(fresh, ctx) : fresh;
        const saved = await this.deps.store.save(record, null);
        if (!saved.ok) throw new Error('new session id collided');
        await this.deps.onSessionCreated?.(env.user, record);
        this.deps.logger.info({ event: 'session.created', sessionId: record.id, protocol: protocol.id }, 'session created');
        const dc = await this.dialogs.createContext(ctx);
        await dc.beginDialog(this.deps.protocolDialog.id, { sessionId: record.id });
        return;
      }
      case 'resume':
        return this.resume(ctx, cmd.arg.trim(), env, active);
      default:
        return;
    }
  }

  private async pickDemoRole(ctx: TurnContext, arg: string, prefs: UserPrefs): Promise<void> {
    const role = Role.safeParse(arg.trim());
    const t = fixedT(this.deps.i18n, resolveLocale(prefs.locale, ctx.activity.locale, this.deps.defaultLocale));
    if (!this.deps.directory.demo || !role.success) {
      await ctx.sendActivity(t('errors:bad-submit'));
      return;
    }
    await this.prefs.set(ctx, { ...prefs, demoRole: role.data });
    const { env } = await this.env(ctx);
    if (env) await this.showMenu(ctx, env);
  }

  private async resume(ctx: TurnContext, id: string, env: TurnEnv, active?: Awaited<ReturnType<DialogSet['createContext']>>): Promise<void> {
    const rows = (await this.deps.store.list({ authorId: env.user.id }))
      .filter((r) => r.status === 'in-progress' || r.status === 'paused' || r.status === 'changes-requested')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const chosen = id ? rows.find((r) => r.id === id) : rows.length === 1 ? rows[0] : undefined;
    if (id && !chosen) {
      await ctx.sendActivity(env.t('errors:session-not-found'));
      return;
    }
    if (!chosen) {
      if (!rows.length) {
        await ctx.sendActivity(env.t('common:resume.none'));
        return;
      }
      const items = rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt, title: env.t(`protocol.${r.protocolId}:title`) }));
      await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(resumeCard(env.t, items))));
      return;
    }
    if (active) await active.cancelAllDialogs();
    const dc = await this.dialogs.createContext(ctx);
    await dc.beginDialog(this.deps.protocolDialog.id, { sessionId: chosen.id, resumed: true });
  }
}

