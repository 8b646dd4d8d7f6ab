/**
 * Transcript runner: dialog behaviour kept as data, run in every shipped locale.
 *
 * A transcript is a JSON file in `test/transcripts/` (every `*.json` there is run by
 * `transcripts.test.ts`):
 *
 * {
 *   "protocol": "interview",               // protocol id to start a session of
 *   "user": { "role": "officer" },          // officer | defender | supervisor
 *   "locale": ["es", "en", "pt"],           // optional: a locale or a list; default every shipped locale
 *   "content": "test/protocol/fixtures/content", // optional content root, relative to the project; default the project
 *   "seeds": "test/protocol/fixtures/content/seeds", // optional seeds folder, relative to the project
 *   "start": [ { "step": "welcome" } ],     // optional: what opening the session shows
 *   "turns": [ [ <user action>, <expect> ], ... ]
 * }
 *
 * User actions:
 *   "next"                                   typed text (English commands work in every locale)
 *   { "typeKey": "ns:key" }                  types the translation of a key in the run's locale
 *   { "submit": { "cmd": "mark", "arg": "x", "text": "..." } }  a card tap (`faro: 1` is added)
 *   { "value": <anything> }                  a raw card value, e.g. a tampered one
 *   { "resume": true }                       a new conversation with a new dialog instance re-opens the session
 *
 * Expect: one matcher or a list; the list must match the turn's replies in order (other replies may sit
 * between them; several matchers may match the same reply). Text is matched by locale KEY, so one
 * transcript runs in every language; a param written `{ "key": "ns:key" }` is translated as well:
 *   { "step": "consent-interview" }          a reply is the card of that step
 *   { "text": "engine-errors:unknown-indicator", "params": {} }  a reply (or a card line) is exactly t(key, params)
 *   { "contains": "session:messages.finished" }  a reply or card line contains t(key, params)
 *   { "ended": "paused" }                    the dialog ended this turn: paused | completed | closed
 *   { "replies": 1 }                         exactly this many replies
 *   { "unchanged": true }                    the stored record is exactly as before the turn
 *   { "record": { "status": "paused", "notes": 1, "marked": ["debt-owed"], "answers": { "legal-status": "witness" } } }
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { SUPPORTED_LOCALES, type Locale } from '../../src/i18n';
import { projectRoot } from '../../src/paths';
import { Role } from '../../src/review/roles';
import { harness, stepOf, testUser, textsOf } from '../dialogs/dialog-harness';

const Action = z.union([
  z.string(),
  z.object({ typeKey: z.string() }).strict(),
  z.object({ submit: z.object({ cmd: z.string(), arg: z.string().optional(), text: z.string().optional() }).strict() }).strict(),
  z.object({ value: z.unknown() }).strict(),
  z.object({ resume: z.literal(true) }).strict(),
]);
const Matcher = z.union([
  z.object({ step: z.string() }).strict(),
  z.object({ text: z.string(), params: z.record(z.string(), z.unknown()).optional() }).strict(),
  z.object({ contains: z.string(), params: z.record(z.string(), z.unknown()).optional() }).strict(),
  z.object({ ended: z.enum(['paused', 'completed', 'closed']) }).strict(),
  z.object({ replies: z.number().int().nonnegative() }).strict(),
  z.object({ unchanged: z.literal(true) }).strict(),
  z.object({ record: z.object({
    status: z.string().optional(), notes: z.number().int().optional(), marked: z.array(z.string()).optional(),
    answers: z.record(z.string(), z.string()).optional(),
  }).strict() }).strict(),
]);
type Matcher = z.infer<typeof Matcher>;
const Expect = z.union([Matcher, z.array(Matcher)]);

export const Transcript = z.object({
  protocol: z.string(),
  user: z.object({ role: Role }).strict(),
  locale: z.union([z.enum(SUPPORTED_LOCALES), z.array(z.enum(SUPPORTED_LOCALES)).min(1)]).optional(),
  content: z.string().optional(),
  seeds: z.string().optional(),
  start: Expect.optional(),
  turns: z.array(z.tuple([Action, Expect])),
}).strict();
export type Transcript = z.infer<typeof Transcript>;

/** Every transcript file in a folder, validated. */
export function loadTranscripts(dir: string): Array<{ file: string; transcript: Transcript }> {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, transcript: Transcript.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));
}

export const localesOf = (tr: Transcript): Locale[] =>
  tr.locale === undefined ? [...SUPPORTED_LOCALES] : Array.isArray(tr.locale) ? tr.locale : [tr.locale];

function defaultSeeds(root: string): string | undefined {
  return [join(root, '..', 'shared', 'seeds'), join(root, '..', '..', 'shared', 'seeds')].find((d) => existsSync(d));
}

/** Runs one transcript in one locale. Returns the failures, one line each; empty means it passed. */
export async function runTranscript(tr: Transcript, locale: Locale): Promise<string[]> {
  const root = projectRoot();
  const contentRoot = tr.content ? join(root, tr.content) : root;
  const h = harness({ contentRoot, seedsDir: tr.seeds ? join(root, tr.seeds) : defaultSeeds(contentRoot) });
  const t = h.t(locale);
  const user = testUser(tr.user.role);
  const id = await h.newSession(tr.protocol, user, locale);
  let convo = h.conversation(user, locale);
  const failures: string[] = [];

  const check = async (label: string, replies: Partial<Activity>[], ended: string | undefined, before: unknown, expect: z.infer<typeof Expect>): Promise<void> => {
    const shown = replies.map((r) => ({ step: stepOf(r), texts: textsOf(r) }));
    let at = 0;
    for (const m of Array.isArray(expect) ? expect : [expect]) {
      const problem = await checkOne(m);
      if (problem) failures.push(`${label}: ${problem}; got ${JSON.stringify(shown.map((s) => s.step ?? s.texts.join(' | ')))}`);
    }
    async function checkOne(m: Matcher): Promise<string | undefined> {
      if ('ended' in m) return ended === m.ended ? undefined : `expected the dialog to end ${m.ended}, it ended ${ended ?? 'not at all'}`;
      if ('replies' in m) return replies.length === m.replies ? undefined : `expected ${m.replies} replies`;
      if ('unchanged' in m) return JSON.stringify(await h.store.load(id)) === JSON.stringify(before) ? undefined : 'the stored record changed';
      if ('record' in m) return recordProblem(m.record);
      const want = 'step' in m ? undefined : t('text' in m ? m.text : m.contains, localParams(m.params));
      const hit = shown.slice(at).findIndex((s) => ('step' in m ? s.step === m.step
        : 'text' in m ? s.texts.includes(want!) : s.texts.some((x) => x.includes(want!))));
      if (hit < 0) return `no reply matches ${JSON.stringify(m)}${want ? ` ("${want}")` : ''}`;
      at += hit;
      return undefined;
    }
  };
  /** Param values written as `{ "key": "ns:key" }` are translated too. */
  const localParams = (params: Record<string, unknown> = {}): Record<string, unknown> => Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v && typeof v === 'object' && 'key' in v ? t(String((v as { key: unknown }).key)) : v]));
  const recordProblem = async (want: Extract<Matcher, { record: unknown }>['record']): Promise<string | undefined> => {
    const rec = (await h.store.load(id))?.record;
    if (!rec) return 'the record is gone';
    const marked = Object.entries(rec.state.marks).filter(([, m]) => m.status === 'confirmed').map(([k]) => k).sort();
    if (want.status && rec.status !== want.status) return `status is ${rec.status}, not ${want.status}`;
    if (want.notes !== undefined && rec.state.notes.length !== want.notes) return `${rec.state.notes.length} notes, not ${want.notes}`;
    if (want.marked && JSON.stringify(marked) !== JSON.stringify([...want.marked].sort())) return `marked ${marked.join(',')}`;
    for (const [step, value] of Object.entries(want.answers ?? {})) {
      if (rec.state.answers[step]?.value !== value) return `answer of ${step} is ${rec.state.answers[step]?.value}`;
    }
    return undefined;
  };

  const opened = convo.results.length;
  const first = await convo.begin(id);
  if (tr.start) await check('start', first, convo.results[opened]?.status, undefined, tr.start);
  for (const [i, [action, expect]] of tr.turns.entries()) {
    const before = await h.store.load(id);
    if (typeof action === 'object' && 'resume' in action) convo = h.conversation(user, locale);
    const count = convo.results.length;
    const replies = typeof action === 'string' ? await convo.say(action)
      : 'typeKey' in action ? await convo.say(t(action.typeKey))
      : 'submit' in action ? await convo.submit({ faro: 1, ...action.submit })
      : 'value' in action ? await convo.submit(action.value)
      : await convo.begin(id);
    await check(`turn ${i + 1} (${JSON.stringify(action)})`, replies, convo.results[count]?.status, before, expect);
  }
  return failures;
}
