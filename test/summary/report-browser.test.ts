import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { buildIntake } from '../../src/summary/intake';
import { renderIntakeHtml } from '../../src/summary/intake-doc';
import { renderSummaryHtml } from '../../src/summary/render-html';
import { buildSummary } from '../../src/summary/summary';
import { courierIntake, courierInterview } from './cases';
import { catalogue, interview, lifeStory } from './fixtures';
import { tFor } from './fixture-locales';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const out = join(projectRoot(), 'test-artifacts');

describe('printable reports in a real browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is required for the report rendering test and was not found at ${CHROMIUM} (install Debian's chromium package).`);
    }
    mkdirSync(out, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => { await browser?.close(); });

  it.each([
    ['summary-en', () => renderSummaryHtml(buildSummary(courierInterview({ locale: 'en' }), interview, catalogue), tFor('en')), 'en',
      ['Session summary', 'Recommended next steps', 'Indicators found', 'Topics not covered yet', 'Consent', 'Notes']],
    ['intake-es', () => renderIntakeHtml(buildIntake(courierIntake(), lifeStory, catalogue), tFor('es')), 'es',
      ['Entrevista de historia de vida', 'La historia en orden', 'Lectura de no punición', 'Indicadores hallados', 'Pruebas que conviene solicitar']],
  ])('renders the %s report with the statement and headings, and saves a PNG and a PDF', async (name, html, lng, headings) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html(), { waitUntil: 'load' });
    const statement = tFor(lng as 'es' | 'en')('summary:statement');
    expect(await page.locator('.statement').count()).toBe(2);
    await expect(page.locator('header .statement').innerText()).resolves.toBe(statement);
    expect(await page.locator('header .statement').isVisible()).toBe(true);
    const shown = await page.locator('h1, h2').allInnerTexts();
    for (const h of headings) expect(shown).toContain(h);
    expect(await page.getAttribute('html', 'lang')).toBe(lng);
    const png = join(out, `${name}.png`);
    const pdf = join(out, `${name}.pdf`);
    await page.screenshot({ path: png, fullPage: true });
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect(statSync(pdf).size).toBeGreaterThan(5_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
