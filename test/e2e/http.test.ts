import { randomBytes } from 'node:crypto';
import type { TFunction } from 'i18next';
import { fixedT } from '../../src/i18n';
import type { User } from '../../src/review/roles';
import { startFakeConnector, type FakeConnector, type RecordedReply } from '../helpers/fake-connector';
import { testI18n } from '../helpers/i18n';
import { messageActivity, postActivity, teamsActivity, type ActivityJson } from '../helpers/post-activity';
import { startRealFaro, type RealFaro } from '../helpers/real-faro';

const AAD = '00000000-0000-0000-0000-0000000000a1';
const users: User[] = [
  { id: 'web-officer-1', name: 'Web Officer', role: 'officer', office: 'police-1' },
  { id: AAD, name: 'Agente Teams', role: 'officer', office: 'police-1' },
];
const i18n = testI18n();
const es: TFunction = fixedT(i18n, 'es');
const en: TFunction = fixedT(i18n, 'en');
const pt: TFunction = fixedT(i18n, 'pt');
const NOTE = 'Nota distintiva http e2e: la persona guardaba su pasaporte en otra casa';

describe('the real Faro over /api/messages', () => {
  let faro: RealFaro;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    faro = await startRealFaro({
      users,
      env: { FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64'), FARO_ALLOWED_TENANTS: 'tenant-1' },
    });
  });
  afterAll(async () => {
    await faro?.close();
    await connector?.close();
  });

  /** Posts one activity and returns the replies Faro sent for it to the fake connector. */
  async function turn(activity: ActivityJson, expectedReplies = 1): Promise<{ status: number; replies: RecordedReply[] }> {
    const before = connector.replies.length;
    const res = await postActivity(faro.url, activity);
    const all = await connector.waitForReplies(before + expectedReplies, 10_000);
    return { status: res.status, replies: all.slice(before).filter((r) => r.activity.replyToId === activity.id || r.replyToId === activity.id) };
  }
  const textOf = (replies: RecordedReply[]): string => replies.map((r) => String(r.activity.text ?? '')).join('\n');
  const cardsOf = (replies: RecordedReply[]): string => JSON.stringify(replies.flatMap((r) => (r.activity.attachments as unknown[]) ?? []));
  const inJson = (s: string): string => JSON.stringify(s).slice(1, -1);

  const web = (overrides: ActivityJson = {}): ActivityJson =>
    messageActivity(connector.url, { from: { id: 'web-officer-1', name: 'Web Officer' }, conversation: { id: 'web-conv-1' }, ...overrides });
  const teams = (overrides: ActivityJson = {}): ActivityJson =>
    teamsActivity(connector.url, { from: { id: '29:teams-user-1', name: 'Agente', aadObjectId: AAD }, ...overrides });

  let sessionId = '';

  it('answers a typed help in Spanish, the locale of the activity', async () => {
    const { status, replies } = await turn(web({ text: 'ayuda' }));
    expect(status).toBe(200);
    expect(textOf(replies)).toBe(es('common:help', { joinArrays: '\n' }));
  });

  it('answers a Teams personal chat from a listed person of an allowed tenant in Portuguese, and keeps the session it starts', async () => {
    const menu = await turn(teams({ text: 'menu' }));
    expect(cardsOf(menu.replies)).toContain(inJson(pt('common:menu.title')));
    const started = await turn(teams({ text: 'start interview' }));
    expect(cardsOf(started.replies)).toContain(inJson(pt('protocol.interview:steps.prep-private-space.title')));
    const noted = await turn(teams({ text: `nota ${NOTE}` }));
    expect(textOf(noted.replies)).toContain(pt('session:messages.noteSaved'));
    const rows = await faro.faro.store.list({ authorId: AAD });
    expect(rows).toHaveLength(1);
    sessionId = rows[0]!.id;
    const loaded = await faro.faro.store.load(sessionId);
    expect(loaded?.record.state.notes.map((n) => n.text)).toEqual([NOTE]);
  });

  it('answers a Teams group chat only with the note to use the personal chat', async () => {
    const { replies } = await turn(teams({ text: 'menu', conversation: { id: '19:group-1', conversationType: 'groupChat', tenantId: 'tenant-1' } }));
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toBe(pt('review:personal-chat'));
    expect(cardsOf(replies)).toBe('[]');
  });

  it('refuses a Teams user of another tenant', async () => {
    const { replies } = await turn(teams({ text: 'menu', channelData: { tenant: { id: 'tenant-2' } }, conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'tenant-2' } }));
    expect(textOf(replies)).toBe(pt('errors:other-tenant'));
    expect(cardsOf(replies)).toBe('[]');
  });

  it('refuses malformed JSON, a body that is not an activity, and an oversized body', async () => {
    expect((await postActivity(faro.url, '{"type": "message", ')).status).toBe(400);
    expect((await postActivity(faro.url, { hello: 'world' })).status).toBe(400);
    expect((await postActivity(faro.url, '[]')).status).toBe(400);
    const big = JSON.stringify(web({ text: 'x'.repeat(faro.config.FARO_MAX_BODY_BYTES) }));
    expect((await postActivity(faro.url, big)).status).toBe(413);
  });

  it('answers an unknown command with a pointer to the menu and help', async () => {
    const { replies } = await turn(web({ text: 'formatear disco', conversation: { id: 'web-conv-2' } }));
    expect(textOf(replies)).toBe(es('errors:not-understood'));
  });

  it('refuses a tampered card submit and submits with wrong types, changing nothing', async () => {
    const before = await faro.faro.store.load(sessionId);
    for (const value of [
      { faro: 1, cmd: 'format-disk' },
      { faro: '1', cmd: 'next' },
      { faro: 1, cmd: 'note', text: 42 },
      { faro: 1, cmd: 'next', extra: true },
      { faro: 1, cmd: 'answer', arg: { $gt: '' } },
    ]) {
      const { replies } = await turn(teams({ text: undefined, value }));
      expect(textOf(replies)).toBe(pt('errors:bad-submit'));
    }
    const after = await faro.faro.store.load(sessionId);
    expect(after?.etag).toBe(before?.etag);
  });

  it('still answers after all of that, and the session started before is intact', async () => {
    const health = await fetch(`${faro.url}/healthz`);
    expect(health.status).toBe(200);
    const { replies } = await turn(web({ text: 'help', locale: 'en-US', conversation: { id: 'web-conv-3' } }));
    expect(textOf(replies)).toBe(en('common:help', { joinArrays: '\n' }));
    const where = await turn(teams({ text: 'where' }));
    expect(textOf(where.replies)).toContain(pt('protocol.interview:steps.prep-private-space.title'));
    const loaded = await faro.faro.store.load(sessionId);
    expect(loaded?.record.state.notes.map((n) => n.text)).toEqual([NOTE]);
    expect(loaded?.record.state.cursor).toBe('prep-private-space');
  });
});
