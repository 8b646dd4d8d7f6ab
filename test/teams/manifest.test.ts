import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { inflateSync } from 'node:zlib';
import { packageTeams } from '../../scripts/package-teams';
import { parseCommand } from '../../src/bot/commands';
import { readLocaleResources } from '../../src/i18n';
import { projectRoot } from '../../src/paths';
import { buildManifest, COMMAND_TEXT } from '../../src/teams/manifest';
import { validateManifest } from '../../src/teams/validate-manifest';
import { testI18n } from '../helpers/i18n';

const root = projectRoot();
const env = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  FARO_TEAMS_APP_ID: '66666666-7777-8888-9999-000000000000',
  FARO_PUBLIC_HOST: 'faro.example.org',
};
const input = () => ({
  appId: env.FARO_TEAMS_APP_ID, botId: env.MicrosoftAppId, version: '1.2.3', domain: env.FARO_PUBLIC_HOST,
  developer: { name: 'Faro', websiteUrl: 'https://faro.example.org', privacyUrl: 'https://faro.example.org/privacy', termsOfUseUrl: 'https://faro.example.org/terms' },
  resources: readLocaleResources(join(root, 'locales')),
});

/** Reads a PNG's width and height and whether it has transparent pixels (colour type 6, RGBA). */
function pngInfo(buf: Buffer) {
  const width = buf.readUInt32BE(16), height = buf.readUInt32BE(20), colourType = buf[25];
  let idat = Buffer.alloc(0);
  for (let o = 8; o < buf.length;) {
    const len = buf.readUInt32BE(o), type = buf.toString('ascii', o + 4, o + 8);
    if (type === 'IDAT') idat = Buffer.concat([idat, buf.subarray(o + 8, o + 8 + len)]);
    o += 12 + len;
  }
  const raw = inflateSync(idat);
  const pixels: [number, number, number, number][] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = y * (width * 4 + 1) + 1 + x * 4;
    pixels.push([raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!]);
  }
  return { width, height, colourType, pixels };
}

describe('the Teams app package', () => {
  it('builds a manifest that validates against the kept v1.29 schema, with es and pt localizations', () => {
    const { manifest, localizations } = buildManifest(input());
    expect(validateManifest(root, manifest, localizations)).toEqual([]);
    expect(Object.keys(localizations).sort()).toEqual(['es', 'pt']);
    expect(manifest).toMatchObject({ manifestVersion: '1.29', bots: [{ botId: env.MicrosoftAppId, scopes: ['personal'] }] });
  });

  it('is caught by the schema when something is wrong', () => {
    const { manifest, localizations } = buildManifest({ ...input(), appId: 'not-a-guid' });
    expect(validateManifest(root, manifest, localizations).join('\n')).toMatch(/manifest\.json\/id/);
  });

  it('lists only commands that Faro understands when typed, in every language', () => {
    const i18n = testI18n();
    for (const lng of ['es', 'en', 'pt'] as const) {
      const t = i18n.getFixedT(lng);
      for (const text of Object.values(COMMAND_TEXT)) expect(parseCommand(text, t)).toBeDefined();
    }
  });

  it('has icons of the sizes Teams requires: 192×192 colour, 32×32 white-on-transparent outline', () => {
    const color = pngInfo(readFileSync(join(root, 'appPackage', 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pngInfo(readFileSync(join(root, 'appPackage', 'outline.png')));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const visible = outline.pixels.filter((p) => p[3] > 0);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });

  it('is zipped by the packaging script with the manifest, the icons and the localization files', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'faro-teams-')), 'faro.zip');
    const result = await packageTeams({ ...env, FARO_TEAMS_OUT: out }, root);
    expect(result).toEqual({ ok: true, file: out });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'es.json', 'manifest.json', 'outline.png', 'pt.json']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.bots[0].botId).toBe(env.MicrosoftAppId);
  });

  it('refuses to package without the app ids and host, saying which are missing', async () => {
    expect(await packageTeams({}, root)).toEqual({ ok: false, errors: ['MicrosoftAppId is not set', 'FARO_TEAMS_APP_ID is not set', 'FARO_PUBLIC_HOST is not set'] });
  });
});
