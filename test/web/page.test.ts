import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { startTestApp, realWebStrings, type RunningApp } from '../helpers/app-server';
import { launchChromium } from '../helpers/browser';
import { IdentityEchoBot } from '../helpers/test-bot';

const SENDBOX = '[data-id="webchat-sendbox-input"]';
const artifacts = join(projectRoot(), 'test-artifacts');

describe('the web page in local demo mode', () => {
  let app: RunningApp;
  let browser: Browser;
  const strings = realWebStrings();

  beforeAll(async () => {
    app = await startTestApp(new IdentityEchoBot());
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(locale: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    return { page, errors };
  }

  it('lets an officer pick the role, chat with the bot, and resume as the same person after a reload', async () => {
    const { page, errors } = await openPage('en-US');
    const en = strings('en');
    await page.getByText(en.demoBanner!).waitFor();
    await page.screenshot({ path: join(artifacts, 'web-demo-picker-en.png') });
    await page.getByRole('radio', { name: new RegExp(en.role_officer!) }).check();
    await page.getByRole('button', { name: en.start }).click();

    const input = page.locator(SENDBOX);
    await input.waitFor({ timeout: 15_000 });
    await input.fill('hello there');
    await input.press('Enter');
    const reply = page.getByText(/^en-US\|demo-officer-[0-9a-f]+$/);
    await reply.first().waitFor({ timeout: 15_000 });
    const replyText = (await reply.first().textContent()) ?? '';
    const userId = replyText.split('|')[1];
    expect(await page.evaluate(() => localStorage.getItem('faro.demoUserId'))).toBe(userId);
    await expect(page.getByText(en.currentRole!.replace('{{role}}', en.role_officer!)).isVisible()).resolves.toBe(true);
    await expect(page.getByText(en.demoTag!, { exact: true }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, 'web-demo-en.png') });

    await page.reload();
    await page.locator(SENDBOX).waitFor({ timeout: 15_000 });
    expect(await page.locator('#picker').isVisible()).toBe(false);
    await page.locator(SENDBOX).fill('again');
    await page.locator(SENDBOX).press('Enter');
    await page.getByText(`en-US|${userId}`).first().waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: en.changeRole }).click();
    await page.getByText(en.demoBanner!).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('faro.demoUserId'))).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the page in Spanish for a Spanish browser, also in a narrow window', async () => {
    const { page } = await openPage('es-ES', { width: 380, height: 720 });
    const es = strings('es');
    await page.getByText(es.demoBanner!).waitFor();
    expect(await page.locator('h1').textContent()).toBe(es.title);
    expect(await page.locator('#subtitle').textContent()).toBe(es.subtitle);
    expect(await page.getByRole('button', { name: es.start }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('radio', { name: new RegExp(es.role_defender!) }).check();
    await page.getByRole('button', { name: es.start }).click();
    await page.locator(SENDBOX).waitFor({ timeout: 15_000 });
    await page.locator(SENDBOX).fill('hola');
    await page.locator(SENDBOX).press('Enter');
    await page.getByText(/^es-ES\|demo-defender-[0-9a-f]+$/).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(artifacts, 'web-demo-es-narrow.png') });
    await page.context().close();
  });

  it('uses different strings for English and Spanish browsers', async () => {
    const en = await openPage('en-US');
    const es = await openPage('es-ES');
    await en.page.locator('#start').waitFor();
    await es.page.locator('#start').waitFor();
    const enText = await en.page.locator('#start').textContent();
    const esText = await es.page.locator('#start').textContent();
    expect(enText).toBe(strings('en').start);
    expect(esText).toBe(strings('es').start);
    expect(enText).not.toBe(esText);
    await en.page.context().close();
    await es.page.context().close();
  });
});

describe('the web page outside demo mode', () => {
  it('skips the role picker and keeps a stable random user id', async () => {
    const app = await startTestApp(new IdentityEchoBot(), {}, { demo: false });
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
      await page.goto(app.url);
      await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('#picker').isVisible()).toBe(false);
      const id = await page.evaluate(() => localStorage.getItem('faro.userId'));
      expect(id).toMatch(/^user-[0-9a-f]+$/);
      await page.locator('[data-id="webchat-sendbox-input"]').fill('oi');
      await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
      await page.getByText(`pt-BR|${id}`).first().waitFor({ timeout: 15_000 });
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
