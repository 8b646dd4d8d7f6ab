import { randomBytes } from 'node:crypto';
import { DownloadStore } from '../../src/http/downloads';
import { fixedT } from '../../src/i18n';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { testI18n } from '../helpers/i18n';
import { postActivity, teamsActivity, type ActivityJson } from '../helpers/post-activity';
import { startRealFaro, type RealFaro } from '../helpers/real-faro';

const AAD = '00000000-0000-0000-0000-0000000000b2';
const pt = fixedT(testI18n(), 'pt');

describe('download links', () => {
  it('work once and expire', () => {
    let now = 0;
    const store = new DownloadStore({ ttlMs: 1000, now: () => now });
    const a = store.put({ name: 'a.html', contentType: 'text/html', body: 'A' });
    const b = store.put({ name: 'b.html', contentType: 'text/html', body: 'B' });
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.take(a)?.body).toBe('A');
    expect(store.take(a)).toBeUndefined();
    now = 1001;
    expect(store.take(b)).toBeUndefined();
  });
});

describe('reports in Teams', () => {
  let faro: RealFaro;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    faro = await startRealFaro({
      users: [{ id: AAD, name: 'Agente', role: 'officer', office: 'police-1' }],
      env: { FARO_ENCRYPTION_KEY: randomBytes(32).toString('base64'), FARO_ALLOWED_TENANTS: 'tenant-1', FARO_PUBLIC_URL: 'https://faro.example.org' },
    });
  });
  afterAll(async () => {
    await faro?.close();
    await connector?.close();
  });

  let n = 0;
  async function say(text: string, replies: number) {
    const activity: ActivityJson = teamsActivity(connector.url, { id: `dl-${n++}`, text, from: { id: '29:x', name: 'Agente', aadObjectId: AAD } });
    const before = connector.replies.length;
    expect((await postActivity(faro.url, activity)).status).toBe(200);
    return (await connector.waitForReplies(before + replies, 10_000)).slice(before);
  }

  it('come as single-use links to the report, since Teams cannot carry the file inline', async () => {
    await say('começar interview', 1);
    await say('nota A pessoa disse que o patrão guardava o passaporte dela.', 1);
    const [reply] = await say('relatório', 1);
    const card = JSON.stringify(reply!.activity.attachments);
    expect(card).not.toContain('data:text/html');
    const urls = [...card.matchAll(/https:\/\/faro\.example\.org(\/downloads\/[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(2);
    const res = await fetch(faro.url + urls[0]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="faro-.*\.html"/);
    const html = await res.text();
    expect(html).toContain(pt('summary:statement'));
    expect((await fetch(faro.url + urls[0])).status).toBe(404);
  });
});
