import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { inputsFromSubmit, inputsFromText } from './protocol-input';
import { countsSummary, renderEffects, type RenderSummary } from './render-effects';
import { TURN_ENV, type TurnEnv } from '../src/bot/turn-env';
import type { Logger } from '../src/log';
import type { Content } from '../src/protocol/content';
import { next, resume } from '../src/protocol/engine';
import type { Effect, EngineInput, EngineResult } from '../src/protocol/engine-types';
import { stepById } from '../src/protocol/path';
import type { Protocol } from '../src/protocol/schema';
import { canWrite } from '../src/review/access';
import type { SessionRecord, SessionStatus } from '../src/session/record';
import type { SessionStore, StoredSession } from '../src/storage/session-store';

export const PROTOCOL_DIALOG_ID = 'faro.protocol';

export interface ProtocolDialogDeps {
  store: SessionStore;
  content: Content;
  clock: () => Date;
  logger: Logger;
  /** Renders the summary on `summary` and at the end; defaults to a short text with counts. */
  renderSummary?: RenderSummary;
  /** Last touch before a changed record is saved (e.g. remembering the conversation for notices). */
  beforeSave?: (record: SessionRecord, activity: Partial<Activity>) => SessionRecord;
  /**
   * Reads a note and returns the catalogue indicators it may point to. They are recorded as
   * suggestions linked to the note and offered for one-tap confirmation; never marked by themselves.
   */
  suggest?: (text: string, locale: string) => Promise<string[]>;
  /** Called once a changed record is saved (e.g. the audit trail). */
  afterSave?: (user: TurnEnv['user'], record: SessionRecord) => Promise<void>;
}

export interface ProtocolDialogOptions {
  sessionId: string;
  /** Set when a person takes up an existing session (`resume`): they are welcomed back before the step. */
  resumed?: boolean;
}

/** Why the dialog ended: the session was paused, completed, or could not be continued here. */
export interface ProtocolDialogResult { status: 'paused' | 'completed' | 'closed'; sessionId: string }

type Opened = { ok: true; stored: StoredSession; protocol: Protocol } | { ok: false; message: string };

const READ_ONLY: ReadonlySet<SessionStatus> = new Set<SessionStatus>(['submitted', 'signed-off']);

/**
 * The one dialog that walks any protocol. Each turn it reads the session from the store, turns the
 * activity into engine inputs, asks the pure engine, saves with the etag it read, and renders the
 * effects. Nothing lives in dialog state but the session id, so a paused session resumes from the
 * store on any device.
 */
export class ProtocolDialog extends Dialog<ProtocolDialogOptions> {
  private readonly renderSummary: RenderSummary;
  private readonly indicatorIds: ReadonlySet<string>;

  constructor(private readonly deps: ProtocolDialogDeps, dialogId: string = PROTOCOL_DIALOG_ID) {
    super(dialogId);
    this.renderSummary = deps.renderSummary ?? countsSummary;
    this.indicatorIds = new Set(deps.content.catalogue.indicators.map((i) => i.id));
  }

  override async beginDialog(dc: DialogContext, options?: ProtocolDialogOptions): Promise<DialogTurnResult> {
    const env = turnEnv(dc);
    const sessionId = options?.sessionId ?? '';
    dc.activeDialog!.state = { sessionId };
    const opened = await this.open(sessionId, env);
    if (!opened.ok) return this.close(dc, sessionId, [say(env.t(opened.message))]);
    const shown = resume(opened.protocol, opened.stored.record.state);
    if (options?.resumed && !shown.effects.some((e) => e.type === 'error')) await dc.context.sendActivity(say(env.t('session:messages.resumed')));
    const saved = await this.commit(dc, env, opened, [], shown.effects);
    return this.finishTurn(dc, env, opened.protocol, sessionId, saved);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const env = turnEnv(dc);
    const { sessionId } = dc.activeDialog!.state as ProtocolDialogOptions;
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const opened = await this.open(sessionId, env);
    if (!opened.ok) return this.close(dc, sessionId, [say(env.t(opened.message))]);
    const { protocol, stored } = opened;
    const step = stepById(protocol, stored.record.state.cursor);
    const hasValue = activity.value !== undefined && activity.value !== null;
    const turn = hasValue ? inputsFromSubmit(activity.value, step) : inputsFromText(activity.text ?? '', step, env.t, protocol.id);
    if (turn.ok === false) {
      this.deps.logger.debug({ sessionId, code: turn.message }, 'turn not applied');
      await dc.context.sendActivity(say(env.t(turn.message)));
      return Dialog.EndOfTurn;
    }
    const inputs = turn.ok === 'show' ? [] : await this.withSuggestions(turn.inputs, env.locale);
    const extra = turn.ok === 'show' ? resume(protocol, stored.record.state).effects : [];
    const saved = await this.commit(dc, env, opened, inputs, extra);
    return this.finishTurn(dc, env, protocol, sessionId, saved);
  }

  /**
   * After every note, a `suggest` input carrying what the note may point to. A failing reader never
   * costs the note: the note is kept and no suggestion is made.
   */
  private async withSuggestions(inputs: EngineInput[], locale: string): Promise<EngineInput[]> {
    const suggest = this.deps.suggest;
    if (!suggest) return inputs;
    const out: EngineInput[] = [];
    for (const input of inputs) {
      out.push(input);
      if (input.type !== 'note' || !input.text.trim()) continue;
      const indicators = await suggest(input.text, locale).catch((err: unknown) => {
        this.deps.logger.warn({ code: 'suggest-failed', errorName: err instanceof Error ? err.name : 'unknown' }, 'note not read for suggestions');
        return [] as string[];
      });
      const known = indicators.filter((id) => this.indicatorIds.has(id));
      if (known.length) out.push({ type: 'suggest', indicators: known });
    }
    return out;
  }

  private async open(sessionId: string, env: TurnEnv): Promise<Opened> {
    const stored = await this.deps.store.load(sessionId);
    if (!stored) return { ok: false, message: 'session:messages.notFound' };
    if (!canWrite(env.user, stored.record)) return { ok: false, message: 'session:messages.noAccess' };
    if (READ_ONLY.has(stored.record.status)) return { ok: false, message: 'session:messages.locked' };
    const protocol = this.deps.content.protocols.get(stored.record.state.protocolId);
    if (!protocol) return { ok: false, message: 'session:messages.protocolGone' };
    return { ok: true, stored, protocol };
  }

  /** Applies inputs in order, stopping at the first error (which leaves the state as it was). */
  private apply(protocol: Protocol, record: SessionRecord, inputs: EngineInput[]): EngineResult {
    let result: EngineResult = { state: record.state, effects: [] };
    let lastNote: string | undefined;
    for (const raw of inputs) {
      // A suggestion belongs to the note just saved.
      const input = raw.type === 'suggest' && lastNote ? { ...raw, noteId: lastNote } : raw;
      const r = next(protocol, result.state, input, this.deps.clock(), { indicatorIds: this.indicatorIds });
      const saved = r.effects.find((e) => e.type === 'note-saved');
      if (saved?.type === 'note-saved') lastNote = saved.noteId;
      result = { state: r.state, effects: [...result.effects, ...r.effects] };
      if (r.effects.some((e) => e.type === 'error')) break;
    }
    return result;
  }

  /**
   * Saves what the inputs changed with the etag that was read. On a conflict the fresh record is
   * loaded, the person is told, and the same inputs are applied once more to it.
   */
  private async commit(dc: DialogContext, env: TurnEnv, opened: Extract<Opened, { ok: true }>, inputs: EngineInput[], extra: Effect[]): Promise<{ record: SessionRecord; effects: Effect[] } | undefined> {
    let stored = opened.stored;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const r = this.apply(opened.protocol, stored.record, inputs);
      const effects = [...r.effects, ...extra];
      const status = statusAfter(stored.record.status, effects);
      if (r.state === stored.record.state && status === stored.record.status) return { record: stored.record, effects };
      const changed: SessionRecord = { ...stored.record, state: r.state, status, updatedAt: this.deps.clock().toISOString() };
      const record = this.deps.beforeSave ? this.deps.beforeSave(changed, dc.context.activity) : changed;
      const saved = await this.deps.store.save(record, stored.etag);
      if (saved.ok) {
        await this.deps.afterSave?.(env.user, record);
        return { record, effects };
      }
      this.deps.logger.warn({ sessionId: record.id, code: 'conflict', attempt }, 'session changed elsewhere');
      const fresh = await this.deps.store.load(record.id);
      if (!fresh) break;
      stored = fresh;
      if (attempt === 0) await dc.context.sendActivity(say(env.t('session:messages.conflict')));
    }
    await dc.context.sendActivity(say(env.t('session:messages.conflictFailed')));
    return undefined;
  }

  private async finishTurn(dc: DialogContext, env: TurnEnv, protocol: Protocol, sessionId: string, saved: { record: SessionRecord; effects: Effect[] } | undefined): Promise<DialogTurnResult> {
    if (!saved) return Dialog.EndOfTurn;
    const { record, effects } = saved;
    this.deps.logger.debug({ sessionId, effects: effects.map((e) => (e.type === 'error' ? `error:${e.code}` : e.type)) }, 'protocol turn');
    const activities = renderEffects(effects, protocol, record, env.t, this.renderSummary);
    if (activities.length) await dc.context.sendActivities(activities);
    const types = new Set(effects.map((e) => e.type));
    if (types.has('paused')) return dc.endDialog({ status: 'paused', sessionId } satisfies ProtocolDialogResult);
    if (types.has('finished') && record.state.cursor === null) return dc.endDialog({ status: 'completed', sessionId } satisfies ProtocolDialogResult);
    if (effects.some((e) => e.type === 'error' && e.code === 'version-mismatch')) return dc.endDialog({ status: 'closed', sessionId } satisfies ProtocolDialogResult);
    return Dialog.EndOfTurn;
  }

  private async close(dc: DialogContext, sessionId: string, activities: Partial<Activity>[]): Promise<DialogTurnResult> {
    await dc.context.sendActivities(activities);
    return dc.endDialog({ status: 'closed', sessionId } satisfies ProtocolDialogResult);
  }
}

/** Pausing pauses; reaching the end completes; any other change to a paused session resumes it. */
function statusAfter(current: SessionStatus, effects: Effect[]): SessionStatus {
  if (effects.some((e) => e.type === 'error' && e.code === 'version-mismatch')) return current;
  if (effects.some((e) => e.type === 'paused')) return 'paused';
  if (effects.some((e) => e.type === 'finished')) return 'completed';
  return current === 'paused' ? 'in-progress' : current;
}

function turnEnv(dc: DialogContext): TurnEnv {
  const env = dc.context.turnState.get(TURN_ENV) as TurnEnv | undefined;
  if (!env) throw new Error('turn environment missing: the bot sets TURN_ENV before running dialogs');
  return env;
}

const say = (text: string): Partial<Activity> => ({ type: 'message', text });
