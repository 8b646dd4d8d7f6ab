import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { messageActivity, postActivity, teamsActivity } from '../helpers/post-activity';
import { startTestApp, type RunningApp } from '../helpers/app-server';
import { IdentityEchoBot } from '../helpers/test-bot';

describe('POST /api/messages with authentication off', () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let bot: IdentityEchoBot;

  beforeAll(async () => {
    bot = new IdentityEchoBot();
    app = await startTestApp(bot, { FARO_MAX_BODY_BYTES: '4096', FARO_MAX_TEXT_CHARS: '200' });
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('hands an activity to the bot and delivers its reply to the connector', async () => {
    const before = connector.replies.length;
    const activity = messageActivity(connector.url, { locale: 'en-US', from: { id: 'demo-officer-abc' } });
    const res = await postActivity(app.url, activity);
    expect(res.status).toBe(200);
    const replies = await connector.waitForReplies(before + 1);
    const reply = replies[before]!;
    expect(reply.activity.text).toBe('en-US|demo-officer-abc');
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.replyToId).toBe(activity.id);
  });

  it('passes a Teams personal-chat activity to the bot with its tenant, AAD id, locale and conversation type', async () => {
    const before = bot.seen.length;
    const res = await postActivity(app.url, teamsActivity(connector.url));
    expect(res.status).toBe(200);
    const seen = bot.seen[before]!;
    expect(seen.channelId).toBe('msteams');
    expect(seen.locale).toBe('pt-BR');
    expect(seen.from.aadObjectId).toBe('00000000-0000-0000-0000-0000000000a1');
    expect(seen.conversation.conversationType).toBe('personal');
    expect((seen.channelData as { tenant: { id: string } }).tenant.id).toBe('tenant-1');
  });

  const refusals: Array<[string, () => unknown, number, string]> = [
    ['malformed JSON', () => '{"type": "message",', 400, 'MalformedJson'],
    ['an empty object', () => ({}), 400, 'InvalidActivity'],
    ['a JSON array', () => [1], 400, 'InvalidActivity'],
    ['a JSON string', () => '"message"', 400, 'InvalidActivity'],
    ['an activity without a conversation', () => ({ ...messageActivity(connector.url), conversation: undefined }), 400, 'InvalidActivity'],
    ['an activity whose from has no id', () => messageActivity(connector.url, { from: { name: 'x' } }), 400, 'InvalidActivity'],
    ['a body larger than FARO_MAX_BODY_BYTES', () => messageActivity(connector.url, { channelData: { pad: 'x'.repeat(5000) } }), 413, 'BodyTooLarge'],
    ['a body many times larger than the limit', () => messageActivity(connector.url, { channelData: { pad: 'x'.repeat(200_000) } }), 413, 'BodyTooLarge'],
    ['text longer than FARO_MAX_TEXT_CHARS', () => messageActivity(connector.url, { text: 'y'.repeat(201) }), 413, 'TextTooLong'],
  ];

  it.each(refusals)('refuses %s with a JSON error, without reaching the bot, and keeps serving', async (_name, body, status, code) => {
    const seenBefore = bot.seen.length;
    const res = await postActivity(app.url, body());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(bot.seen.length).toBe(seenBefore);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('accepts text exactly at the limit', async () => {
    const res = await postActivity(app.url, messageActivity(connector.url, { text: 'z'.repeat(200) }));
    expect(res.status).toBe(200);
  });
});
