import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { simpleSummary } from '../dialogs/cards/review-card';
import { outputCommands } from '../dialogs/output-commands';
import { ProtocolDialog } from '../dialogs/protocol-dialog';
import { reviewCommands } from '../dialogs/review-commands';
import { summaryActivity } from '../dialogs/summary-activity';
import { createApp } from './app';
import { createAuthorNotifier } from './bot/author-notifier';
import type { ParsedCommand } from './bot/commands';
import { rememberConversation } from './bot/conversation-ref';
import { FaroBot } from './bot/faro-bot';
import { personalChatGuard } from './bot/teams-guard';
import type { TurnEnv } from './bot/turn-env';
import { turnErrorHandler } from './bot/turn-error';
import type { Config } from './config';
import { DownloadStore } from './http/downloads';
import { createAnalyzer } from './analysis/create-analyzer';
import { loadLocalAnalyzer } from './analysis/default-local-analyzer';
import { piiLabels } from './analysis/pii-labels';
import { suggestIndicators } from './analysis/suggest-indicators';
import { redact as redactPii, type TextAnalyzer } from './analysis/text-analyzer';
import { createI18n, fixedT, normalizeLocale, readLocaleResources } from './i18n';
import type { Logger } from './log';
import { loadContent, type Content } from './protocol/content';
import { start } from './protocol/engine';
import { auditKey, type AuditLog } from './review/audit';
import type { Directory } from './review/directory';
import { qualityFlags } from './review/quality-flags';
import { createReviewService } from './review/review-service';
import type { SessionRecord } from './session/record';
import type { DataKey } from './storage/crypto';
import { createEncryptedBotStorage } from './storage/encrypted-bot-storage';
import { auditFilePath } from './storage/existing-key';
import { createFileAuditLog } from './storage/file-audit-log';
import { createFileSessionStore } from './storage/file-session-store';
import type { SessionStore } from './storage/session-store';

export interface FaroOptions {
  config: Config;
  logger: Logger;
  key: DataKey;
  directory: Directory;
  /** Folder holding prompts/, locales/ and public/. */
  rootDir: string;
  /** Guidance documents for the source check at start-up; null skips it. */
  seedsDir: string | null;
  clock?: () => Date;
  /** Replaces personal data in outgoing text; defaults to the analyser's PII redaction. */
  redact?: (text: string, locale: string) => Promise<string>;
}

/** Redaction through the analyser: every personal-data span becomes its localised category label. */
function redactWith(analyzer: TextAnalyzer, labels: (locale: string) => ReturnType<typeof piiLabels>) {
  return async (text: string, locale: string): Promise<string> => redactPii(text, (await analyzer.analyze(text)).pii, labels(locale));
}

export interface Faro {
  app: Server;
  adapter: CloudAdapter;
  bot: FaroBot;
  store: SessionStore;
  audit: AuditLog;
  content: Content;
}

/**
 * Builds every part of Faro from its settings and wires them together, without listening. The one
 * place that knows every concrete adapter; `main.ts` adds only the process around it.
 */
export function composeFaro(opts: FaroOptions): Faro {
  const { config, logger, key, directory } = opts;
  const clock = opts.clock ?? (() => new Date());
  const i18n = createI18n(readLocaleResources(join(opts.rootDir, 'locales')), config.FARO_DEFAULT_LOCALE);
  const content = loadContent(opts.rootDir, { seedsDir: opts.seedsDir });
  const local = loadLocalAnalyzer(opts.rootDir);
  if (!local.ok) throw new Error(`text analysis content is not valid:\n- ${local.errors.join('\n- ')}`);
  const { analyzer, kind } = createAnalyzer(config, local.analyzer, logger);
  logger.info({ event: 'analysis.ready', kind }, 'text analysis ready');
  const redact = opts.redact ?? redactWith(analyzer, (locale) => piiLabels(fixedT(i18n, normalizeLocale(locale) ?? config.FARO_DEFAULT_LOCALE)));

  const onCorrupt = (id: string, code: string) => logger.error({ event: 'storage.corrupt', id, code }, 'stored file moved to quarantine');
  const store = createFileSessionStore({ dataDir: config.DATA_DIR, key, onCorrupt });
  const botStorage = createEncryptedBotStorage({ dataDir: config.DATA_DIR, key, onCorrupt });
  const conversationState = new ConversationState(botStorage);
  const userState = new UserState(botStorage);
  const audit = createFileAuditLog({ file: auditFilePath(config.DATA_DIR), key: auditKey(key.key), clock });

  const flagsOf = (r: SessionRecord) => {
    const p = content.protocols.get(r.state.protocolId);
    return p ? qualityFlags(r, p, content.catalogue) : [];
  };
  const service = createReviewService({ store, audit, directory, clock, flagsOf });

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  }));
  adapter.onTurnError = turnErrorHandler({ i18n, logger, defaultLocale: config.FARO_DEFAULT_LOCALE });
  adapter.use(personalChatGuard(i18n, config.FARO_DEFAULT_LOCALE));

  const remember = (record: SessionRecord, activity: Parameters<typeof rememberConversation>[1]) => rememberConversation(record, activity) ?? record;
  const protocolDialog = new ProtocolDialog({
    store, content, clock, logger,
    renderSummary: summaryActivity(content),
    suggest: suggestIndicators(analyzer),
    beforeSave: (record, activity) => remember(record, activity),
    afterSave: (user, record) => service.recordChange(user, record.id),
  });
  const notifyAuthor = createAuthorNotifier({ adapter, botAppId: config.MicrosoftAppId ?? '', i18n, defaultLocale: config.FARO_DEFAULT_LOCALE, logger });
  const review = reviewCommands({ service, store, conversationState, notifyAuthor, flagsOf, renderSummary: simpleSummary(content.catalogue), logger });
  const downloads = new DownloadStore();
  const links = config.FARO_PUBLIC_URL ? { store: downloads, baseUrl: config.FARO_PUBLIC_URL } : undefined;
  const output = outputCommands({ content, store, service, clock, logger, redact, ...(links ? { links } : {}) });

  const allowedTenants = (config.FARO_ALLOWED_TENANTS ?? config.MicrosoftAppTenantId ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bot = new FaroBot({
    i18n, defaultLocale: config.FARO_DEFAULT_LOCALE, directory, allowedTenants, store, content,
    conversationState, userState, protocolDialog, clock, logger, maxTextChars: config.FARO_MAX_TEXT_CHARS,
    startState: (protocol, now) => start(protocol, now).state,
    prepareSession: (record, ctx: TurnContext) => remember(record, ctx.activity),
    onSessionCreated: (user, record) => service.recordCreate(user, record.id),
    extraCommands: async (ctx: TurnContext, cmd: ParsedCommand, env: TurnEnv) =>
      (await review.extraCommands(ctx, cmd, env)) || (await output.extraCommands(ctx, cmd, env)),
    extraMenu: review.extraMenu,
  });

  const app = createApp({
    config, logger, bot, adapter, demo: directory.demo, publicDir: join(opts.rootDir, 'public'), downloads,
    webStrings: (lng) => i18n.getResourceBundle(lng, 'web') as Record<string, string>,
  });
  return { app, adapter, bot, store, audit, content };
}
