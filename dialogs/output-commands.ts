import { CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { adaptiveCard, textBlock } from '../src/cards/card';
import type { ParsedCommand } from '../src/bot/commands';
import type { TurnEnv } from '../src/bot/turn-env';
import type { Logger } from '../src/log';
import type { Download, DownloadStore } from '../src/http/downloads';
import type { Content } from '../src/protocol/content';
import { canWrite } from '../src/review/access';
import type { ReviewService } from '../src/review/review-service';
import { correctNote, deleteNote, listNotes, type NoteResult } from '../src/session/notes';
import type { SessionRecord } from '../src/session/record';
import type { SessionStore } from '../src/storage/session-store';
import { redactRecord, sessionExport, sessionViews } from '../src/summary/views';

export interface OutputCommandsDeps {
  content: Content;
  store: SessionStore;
  service: ReviewService;
  /** Replaces personal data in a free text with its category; used whenever content leaves the session. */
  redact: (text: string, locale: string) => Promise<string>;
  clock: () => Date;
  logger: Logger;
  /** Where files go for channels that cannot carry them inline (Teams), with the server's public URL. */
  links?: { store: DownloadStore; baseUrl: string };
}

const HANDLED = new Set(['summary', 'export', 'report', 'notes', 'correct', 'delete']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A file as an attachment the chat can offer for download. */
function fileAttachment(f: Download): Attachment {
  return { name: f.name, contentType: f.contentType, contentUrl: `data:${f.contentType};base64,${Buffer.from(f.body, 'utf8').toString('base64')}` };
}

/**
 * The commands that read a session out: summary pages, the JSON export, the printable report, and the
 * author's note list, corrections and deletions. Everything is opened through the review service, so
 * access is checked and audited. What leaves the session (export, report) is redacted unless the author
 * asks for the full text with `export full` / `report full`.
 */
export function outputCommands(deps: OutputCommandsDeps) {
  /** The session a command is about: an id given, else the one open in this chat, else the speaker's latest. */
  async function target(arg: string, env: TurnEnv): Promise<string | undefined> {
    const id = arg.split(/\s+/).find((w) => UUID.test(w));
    if (id) return id;
    if (env.sessionId) return env.sessionId;
    const mine = await deps.store.list({ authorId: env.user.id });
    return mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.id;
  }

  async function open(ctx: TurnContext, env: TurnEnv, arg: string, purpose: 'read' | 'export') {
    const id = await target(arg, env);
    if (!id) {
      await ctx.sendActivity(env.t('summary:commands.noSession'));
      return undefined;
    }
    const opened = await deps.service.open(env.user, id, purpose);
    if (!opened.ok) {
      await ctx.sendActivity(env.t('summary:commands.refused'));
      return undefined;
    }
    return opened;
  }

  const freeTextSteps = (record: SessionRecord) => {
    const p = deps.content.protocols.get(record.state.protocolId);
    const ids = new Set(p?.steps.filter((s) => s.kind === 'question' && s.answer.type === 'text').map((s) => s.id));
    return (stepId: string) => ids.has(stepId);
  };

  /** Redacted unless the author asked for `full`; others always get the redacted text. */
  async function outgoing(record: SessionRecord, env: TurnEnv, arg: string): Promise<{ record: SessionRecord; redacted: boolean }> {
    const full = /\bfull\b|\bcompleto\b/i.test(arg) && env.user.id === record.author.id;
    if (full) return { record, redacted: false };
    return { record: await redactRecord(record, (s) => deps.redact(s, env.locale), freeTextSteps(record)), redacted: true };
  }

  async function summaryPage(ctx: TurnContext, env: TurnEnv, arg: string): Promise<void> {
    const opened = await open(ctx, env, arg, 'read');
    if (!opened) return;
    const isAuthor = opened.record.author.id === env.user.id;
    const record = isAuthor ? opened.record : (await outgoing(opened.record, env, '')).record;
    const view = sessionViews(record, deps.content, env.t);
    if (!view.ok) return void (await ctx.sendActivity(env.t('session:messages.protocolGone')));
    const page = Math.min(Math.max(Number(/(?:^|\s)(\d{1,3})(?:\s|$)/.exec(arg)?.[1] ?? '1'), 1), view.cards.length);
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(view.cards[page - 1]!)));
  }

  async function file(ctx: TurnContext, env: TurnEnv, arg: string, kind: 'export' | 'report'): Promise<void> {
    const opened = await open(ctx, env, arg, 'export');
    if (!opened) return;
    const { record, redacted } = await outgoing(opened.record, env, arg);
    const short = record.id.slice(0, 8);
    const files: Download[] = [];
    if (kind === 'export') {
      const data = sessionExport(record, deps.content, env.t, redacted);
      if (!data) return void (await ctx.sendActivity(env.t('session:messages.protocolGone')));
      files.push({ name: `faro-${short}.json`, contentType: 'application/json', body: JSON.stringify(data, null, 2) });
    } else {
      const view = sessionViews(record, deps.content, env.t);
      if (!view.ok) return void (await ctx.sendActivity(env.t('session:messages.protocolGone')));
      files.push({ name: `faro-${short}.html`, contentType: 'text/html', body: view.html }, { name: `faro-${short}.md`, contentType: 'text/markdown', body: view.markdown });
    }
    deps.logger.info({ event: `session.${kind}`, sessionId: record.id, redacted }, 'session exported');
    const text = env.t(`summary:commands.${kind}Ready`) + ' ' + env.t(redacted ? 'summary:commands.redacted' : 'summary:commands.unredacted');
    if (ctx.activity.channelId !== 'msteams') return void (await ctx.sendActivity({ type: 'message', text, attachments: files.map(fileAttachment) }));
    // Teams cannot carry these files inline: single-use links that expire, served by Faro itself.
    if (!deps.links) return void (await ctx.sendActivity(env.t('summary:commands.noLinks')));
    const links = deps.links;
    const buttons = files.map((f) => ({
      type: 'Action.OpenUrl',
      title: env.t('summary:commands.download', { name: f.name }),
      url: `${links.baseUrl.replace(/\/$/, '')}/downloads/${links.store.put(f)}`,
    }));
    const card = adaptiveCard([textBlock(text), textBlock(env.t('summary:commands.linkOnce'), { isSubtle: true, size: 'Small' })], buttons);
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  async function notes(ctx: TurnContext, env: TurnEnv, cmd: ParsedCommand): Promise<void> {
    const opened = await open(ctx, env, '', 'read');
    if (!opened) return;
    if (!canWrite(env.user, opened.record)) return void (await ctx.sendActivity(env.t('summary:commands.refused')));
    const list = listNotes(opened.record);
    if (cmd.name === 'notes') {
      if (!list.length) return void (await ctx.sendActivity(env.t('summary:commands.noNotes')));
      const lines = list.map((n, i) => `${i + 1}. ${n.text} (${n.at.slice(0, 16).replace('T', ' ')})`);
      await ctx.sendActivity(`${env.t('summary:commands.notesHeading')}\n\n${lines.join('\n')}`);
      return;
    }
    const m = /^(\d{1,4})(?:\s+([\s\S]*))?$/.exec(cmd.arg);
    const note = m ? list[Number(m[1]) - 1] : undefined;
    if (!m || !note) return void (await ctx.sendActivity(env.t(`summary:commands.${cmd.name}Usage`)));
    const now = deps.clock();
    const result: NoteResult = cmd.name === 'correct'
      ? correctNote(opened.record, note.id, m[2] ?? '', env.user.id, now)
      : deleteNote(opened.record, note.id, env.user.id, now);
    if (!result.ok) return void (await ctx.sendActivity(env.t(`summary:commands.noteError.${result.error}`)));
    const saved = await deps.store.save({ ...result.record, updatedAt: now.toISOString() }, opened.etag);
    if (!saved.ok) return void (await ctx.sendActivity(env.t('session:messages.conflictFailed')));
    await deps.service.recordChange(env.user, opened.record.id);
    await ctx.sendActivity(env.t(cmd.name === 'correct' ? 'summary:commands.corrected' : 'summary:commands.deleted', { n: m[1] }));
  }

  return {
    async extraCommands(ctx: TurnContext, cmd: ParsedCommand, env: TurnEnv): Promise<boolean> {
      if (!HANDLED.has(cmd.name)) return false;
      // A bare `summary` inside a session belongs to the protocol dialog.
      if (cmd.name === 'summary' && env.sessionId && !cmd.arg) return false;
      if (cmd.name === 'summary') await summaryPage(ctx, env, cmd.arg);
      else if (cmd.name === 'export' || cmd.name === 'report') await file(ctx, env, cmd.arg, cmd.name);
      else await notes(ctx, env, cmd);
      return true;
    },
  };
}
