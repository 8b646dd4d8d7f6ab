import { startTestApp, realWebStrings, type RunningApp } from '../helpers/app-server';
import { IdentityEchoBot } from '../helpers/test-bot';

describe('the web routes', () => {
  let app: RunningApp;
  const strings = realWebStrings();

  beforeAll(async () => {
    app = await startTestApp(new IdentityEchoBot(), { FARO_DEFAULT_LOCALE: 'en' });
  });
  afterAll(() => app.close());

  it('serves the page, its script and style, and the Web Chat bundle from the local install', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<script src="/webchat.js">');
    expect(html).not.toMatch(/https?:\/\//);
    for (const [path, type] of [['/app.js', 'javascript'], ['/style.css', 'text/css'], ['/webchat.js', 'javascript']] as const) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      await res.arrayBuffer();
    }
    const bundle = await fetch(`${app.url}/webchat.js`);
    expect(Number(bundle.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    await bundle.arrayBuffer();
  });

  it('tells the page whether it runs as a local demo and the default locale', async () => {
    const res = await fetch(`${app.url}/config.json`);
    expect(await res.json()).toEqual({ demo: true, defaultLocale: 'en' });
  });

  it('serves the web strings per locale, mapping regional tags and falling back to the default locale', async () => {
    const get = async (lng: string): Promise<unknown> => (await fetch(`${app.url}/i18n/web/${lng}`)).json();
    expect(await get('pt-BR')).toEqual(strings('pt'));
    expect(await get('es')).toEqual(strings('es'));
    expect(await get('fr')).toEqual(strings('en'));
    expect(strings('pt').start).not.toBe(strings('es').start);
  });

  it('answers 404 for a missing file and keeps serving', async () => {
    expect((await fetch(`${app.url}/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
