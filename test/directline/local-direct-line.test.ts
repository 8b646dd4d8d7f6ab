import { startTestApp, type RunningApp } from '../helpers/app-server';
import { directLineClient, type ActivitySet } from '../helpers/direct-line-client';
import { IdentityEchoBot } from '../helpers/test-bot';

const userMessage = (text: string, clientActivityID: string) => ({
  type: 'message',
  text,
  locale: 'pt-BR',
  from: { id: 'demo-defender-x1', name: '' },
  channelData: { clientActivityID },
});

describe('the local Direct Line', () => {
  let app: RunningApp;
  let bot: IdentityEchoBot;
  let client: ReturnType<typeof directLineClient>;

  beforeAll(async () => {
    bot = new IdentityEchoBot();
    app = await startTestApp(bot, { FARO_MAX_TEXT_CHARS: '100' });
    client = directLineClient(app.url);
  });
  afterAll(() => app.close());

  it('echoes a posted message and delivers the bot reply through watermark polling', async () => {
    const conv = await client.generate();
    const started = await client.start(conv.token);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: conv.conversationId, token: conv.token });

    const posted = await client.post(conv.conversationId, conv.token, userMessage('olá', 'client-1'));
    expect(posted.status).toBe(200);
    const postedId = (posted.body as { id: string }).id;
    expect(postedId).toMatch(new RegExp(`^${conv.conversationId}\\|\\d+$`));

    const first = (await client.poll(conv.conversationId, conv.token, '0')).body as ActivitySet;
    expect(first.activities).toHaveLength(2);
    const [echo, reply] = first.activities;
    expect(echo).toMatchObject({
      id: postedId,
      text: 'olá',
      from: { id: 'demo-defender-x1', role: 'user' },
      channelData: { clientActivityID: 'client-1' },
      conversation: { id: conv.conversationId },
    });
    expect(reply).toMatchObject({ type: 'message', text: 'pt-BR|demo-defender-x1', from: { role: 'bot' }, replyToId: postedId });
    expect(bot.seen.at(-1)).toMatchObject({ channelId: 'directline', conversation: { id: conv.conversationId }, serviceUrl: app.url });

    const empty = (await client.poll(conv.conversationId, conv.token, first.watermark)).body as ActivitySet;
    expect(empty).toEqual({ activities: [], watermark: first.watermark });

    await client.post(conv.conversationId, conv.token, userMessage('de novo', 'client-2'));
    const next = (await client.poll(conv.conversationId, conv.token, first.watermark)).body as ActivitySet;
    expect(next.activities.map((a) => a.text)).toEqual(['de novo', 'pt-BR|demo-defender-x1']);
    expect(Number(next.watermark)).toBeGreaterThan(Number(first.watermark));
  });

  it('starts a new conversation without a token and refuses an unknown one', async () => {
    const fresh = await client.start();
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String) });
    expect((await client.start('made-up-token')).status).toBe(401);
  });

  it('refuses every conversation request with no token, a wrong token or another conversation token', async () => {
    const a = await client.generate();
    const b = await client.generate();
    const seen = bot.seen.length;
    for (const token of [undefined, 'wrong', b.token]) {
      expect((await client.poll(a.conversationId, token, '0')).status).toBe(401);
      expect((await client.post(a.conversationId, token, userMessage('x', 'c'))).status).toBe(401);
      expect((await client.get(a.conversationId, token)).status).toBe(401);
    }
    expect(bot.seen.length).toBe(seen);
    expect((await client.get(a.conversationId, a.token)).status).toBe(200);
  });

  it('refreshes a token for its own conversation only', async () => {
    const a = await client.generate();
    const ok = await client.refresh(a.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ conversationId: a.conversationId });
    expect((await client.refresh('nope')).status).toBe(401);
  });

  it('refuses malformed, shapeless and oversized user activities without reaching the bot', async () => {
    const a = await client.generate();
    const seen = bot.seen.length;
    expect((await client.post(a.conversationId, a.token, '{oops')).status).toBe(400);
    expect((await client.post(a.conversationId, a.token, { text: 'no type' })).status).toBe(400);
    expect((await client.post(a.conversationId, a.token, userMessage('w'.repeat(101), 'c'))).status).toBe(413);
    expect(bot.seen.length).toBe(seen);
    expect(((await client.poll(a.conversationId, a.token, '0')).body as ActivitySet).activities).toEqual([]);
  });

  it('applies an update from the bot in place and acknowledges other connector calls', async () => {
    const a = await client.generate();
    await client.post(a.conversationId, a.token, userMessage('hi', 'c1'));
    const before = (await client.poll(a.conversationId, a.token, '0')).body as ActivitySet;
    const botReply = before.activities[1]!;
    const put = await fetch(`${app.url}/v3/conversations/${a.conversationId}/activities/${encodeURIComponent(botReply.id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'edited' }),
    });
    expect(put.status).toBe(200);
    const after = (await client.poll(a.conversationId, a.token, before.watermark)).body as ActivitySet;
    expect(after.activities).toEqual([expect.objectContaining({ id: botReply.id, text: 'edited' })]);
    const all = (await client.poll(a.conversationId, a.token, '0')).body as ActivitySet;
    expect(all.activities.filter((x) => x.id === botReply.id)).toHaveLength(1);
    const members = await fetch(`${app.url}/v3/conversations/${a.conversationId}/members`);
    expect(members.status).toBe(200);
  });
});
