import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { messageActivity, postActivity } from '../helpers/post-activity';
import { startTestApp, type RunningApp } from '../helpers/app-server';
import { IdentityEchoBot } from '../helpers/test-bot';

describe('with a MicrosoftAppId configured', () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let bot: IdentityEchoBot;

  beforeAll(async () => {
    bot = new IdentityEchoBot();
    app = await startTestApp(bot, {
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    });
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('answers 401 to an activity without an Authorization header and never runs the bot', async () => {
    const res = await postActivity(app.url, messageActivity(connector.url));
    expect(res.status).toBe(401);
    expect(bot.seen).toHaveLength(0);
    expect(connector.replies).toHaveLength(0);
  });

  it('answers 401 to an activity carrying a junk bearer token', async () => {
    const res = await postActivity(app.url, messageActivity(connector.url), { authorization: 'Bearer junk.token.value' });
    expect(res.status).toBe(401);
    expect(bot.seen).toHaveLength(0);
  });

  it('does not offer the local Direct Line', async () => {
    for (const path of ['/v3/directline/tokens/generate', '/v3/directline/conversations', '/v3/conversations/x/activities']) {
      const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(404);
    }
  });

  it('still serves the health check', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
