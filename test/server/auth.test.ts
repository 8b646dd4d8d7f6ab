import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { messageActivity, postActivity } from '../helpers/post-activity';
import { startTestApp, testConfig, type RunningApp } from '../helpers/app-server';
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

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication that cannot complete', () => {
  const appId = '11111111-2222-3333-4444-555555555555';

  it('answers a well-formed but unverifiable token with an error status, not a hang', async () => {
    const bot = new IdentityEchoBot();
    const app = await startTestApp(bot, { MicrosoftAppId: appId, MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant' }, { authWaitMs: 3000 });
    const connector = await startFakeConnector();
    try {
      const now = Math.floor(Date.now() / 1000);
      const jwt = [
        b64url({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' }),
        b64url({ iss: 'https://api.botframework.com', aud: appId, exp: now + 600, nbf: now - 10, serviceurl: connector.url }),
        Buffer.from('not-a-signature').toString('base64url'),
      ].join('.');
      const started = Date.now();
      const res = await postActivity(app.url, messageActivity(connector.url), { authorization: `Bearer ${jwt}` });
      expect([401, 500, 503]).toContain(res.status);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(bot.seen).toHaveLength(0);
    } finally {
      await app.close();
      await connector.close();
    }
  });

  it('answers 503 when authentication hangs, and never runs the turn afterwards', async () => {
    let release: () => void = () => undefined;
    class StalledAuth extends ConfigurationBotFrameworkAuthentication {
      override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        await new Promise<void>((resolve) => (release = resolve));
        return super.authenticateRequest(activity, authHeader);
      }
    }
    const bot = new IdentityEchoBot();
    const config = testConfig({ MicrosoftAppId: appId });
    const connector = await startFakeConnector();
    const app = await startTestApp(bot, { MicrosoftAppId: appId }, {
      authWaitMs: 300,
      adapter: new CloudAdapter(new StalledAuth({ MicrosoftAppId: config.MicrosoftAppId ?? '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' })),
    });
    try {
      const res = await postActivity(app.url, messageActivity(connector.url), { authorization: 'Bearer whatever' });
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'AuthenticationUnavailable', message: expect.any(String) } });
      release();
      await new Promise((r) => setTimeout(r, 200));
      expect(bot.seen).toHaveLength(0);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
