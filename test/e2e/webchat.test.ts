import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fixedT, type Locale } from '../../src/i18n';
import { projectRoot } from '../../src/paths';
import { realWebStrings } from '../helpers/app-server';
import { launchChromium } from '../helpers/browser';
import { testI18n } from '../helpers/i18n';
import { startRealFaro, type RealFaro } from '../helpers/real-faro';

const SENDBOX = '[data-id="webchat-sendbox-input"]';
const WAIT = { timeout: 20_000 };
const artifacts = join(projectRoot(), 'test-artifacts');
const i18n = testI18n();
const web = realWebStrings();

describe('the web page talking to the real Faro', () => {
  let faro: RealFaro;
  let browser: Browser;

  beforeAll(async () => {
    faro = await startRealFaro();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await faro?.close();
  });

  async function openAsOfficer(browserLocale: string, lng: Locale): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(faro.url);
    const s = web(lng);
    await page.getByRole('radio', { name: new RegExp(s.role_officer!) }).check();
    await page.getByRole('button', { name: s.start }).click();
    await page.locator(SENDBOX).waitFor(WAIT);
    return { page, errors };
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.locator(SENDBOX).fill(text);
    await page.locator(SENDBOX).press('Enter');
  }
  /** Waits until `text` is shown in full somewhere on the page (Web Chat also copies it into screen-reader labels). */
  const see = (page: Page, text: string, nth = 0) => page.getByText(text, { exact: true }).filter({ visible: true }).nth(nth).waitFor(WAIT);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `e2e-${name}.png`), fullPage: true });

  it('greets in Spanish, switches to English from the menu card, starts the interview and saves a note', async () => {
    const es = fixedT(i18n, 'es');
    const en = fixedT(i18n, 'en');
    const { page, errors } = await openAsOfficer('es-ES', 'es');

    await see(page, es('common:welcome.greeting'));
    await see(page, es('common:menu.title'));
    await shot(page, 'es-welcome');
    const spanishPlaceholder = await page.locator(SENDBOX).getAttribute('placeholder');

    await page.getByRole('button', { name: en('common:languages.en'), exact: true }).last().click();
    await see(page, en('common:language-changed'));
    await see(page, en('common:menu.title'));
    await shot(page, 'en-language-changed');
    const enWeb = web('en');
    await page.locator('#subtitle').getByText(enWeb.subtitle!, { exact: true }).waitFor(WAIT);
    // Web Chat's own words (the send box) follow too.
    await page.waitForFunction(([sel, before]) => document.querySelector(sel)?.getAttribute('placeholder') !== before, [SENDBOX, spanishPlaceholder] as const, WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByText(enWeb.currentRole!.replace('{{role}}', enWeb.role_officer!), { exact: true }).waitFor(WAIT);

    await say(page, 'menu');
    await see(page, en('common:menu.title'), 1);
    const startLabel = en('common:menu.start', { title: en('protocol.interview:title') });
    await page.getByRole('button', { name: startLabel, exact: true }).last().click();
    const firstTitle = en('protocol.interview:steps.prep-private-space.title');
    await see(page, firstTitle);
    await shot(page, 'en-first-step');

    await say(page, 'note The person asked for a break after ten minutes');
    await see(page, en('session:messages.noteSaved'));
    await shot(page, 'en-note-saved');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('greets a Brazilian Portuguese browser in Portuguese and starts the interview there', async () => {
    const pt = fixedT(i18n, 'pt');
    const { page, errors } = await openAsOfficer('pt-BR', 'pt');
    await see(page, pt('common:welcome.greeting'));
    await shot(page, 'pt-welcome');
    const startLabel = pt('common:menu.start', { title: pt('protocol.interview:title') });
    await page.getByRole('button', { name: startLabel, exact: true }).last().click();
    await see(page, pt('protocol.interview:steps.prep-private-space.title'));
    await say(page, 'nota A pessoa pediu uma pausa');
    await see(page, pt('session:messages.noteSaved'));
    await shot(page, 'pt-note-saved');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
