/**
 * Builds the Teams app package (manifest.json, icons, localization files) as a zip a Teams admin can
 * upload: `npm run build && npm run package:teams`. Settings come from the environment:
 *   MicrosoftAppId       the bot's app id (required)
 *   FARO_TEAMS_APP_ID    the Teams app's own GUID (required; keep it stable across versions)
 *   FARO_PUBLIC_HOST     host name of the messaging endpoint, e.g. faro.example.org (required)
 *   FARO_DEVELOPER_NAME, FARO_DEVELOPER_URL, FARO_PRIVACY_URL, FARO_TERMS_URL (optional)
 *   FARO_TEAMS_OUT       output file (default dist/appPackage/faro-teams.zip)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { readLocaleResources } from '../src/i18n';
import { projectRoot } from '../src/paths';
import { buildManifest } from '../src/teams/manifest';
import { validateManifest } from '../src/teams/validate-manifest';

export async function packageTeams(env: NodeJS.ProcessEnv, root = projectRoot()): Promise<{ ok: true; file: string } | { ok: false; errors: string[] }> {
  const missing = ['MicrosoftAppId', 'FARO_TEAMS_APP_ID', 'FARO_PUBLIC_HOST'].filter((k) => !env[k]);
  if (missing.length) return { ok: false, errors: missing.map((k) => `${k} is not set`) };
  const site = env.FARO_DEVELOPER_URL ?? `https://${env.FARO_PUBLIC_HOST}`;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const { manifest, localizations } = buildManifest({
    appId: env.FARO_TEAMS_APP_ID!, botId: env.MicrosoftAppId!, version: pkg.version, domain: env.FARO_PUBLIC_HOST!,
    developer: {
      name: env.FARO_DEVELOPER_NAME ?? 'Faro', websiteUrl: site,
      privacyUrl: env.FARO_PRIVACY_URL ?? `${site}/privacy`, termsOfUseUrl: env.FARO_TERMS_URL ?? `${site}/terms`,
    },
    resources: readLocaleResources(join(root, 'locales')),
  });
  const errors = validateManifest(root, manifest, localizations);
  if (errors.length) return { ok: false, errors };
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const [lng, data] of Object.entries(localizations)) zip.file(`${lng}.json`, JSON.stringify(data, null, 2));
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(join(root, 'appPackage', icon)));
  const file = env.FARO_TEAMS_OUT ?? join(root, 'dist', 'appPackage', 'faro-teams.zip');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { ok: true, file };
}

if (require.main === module) {
  packageTeams(process.env).then((r) => {
    if (r.ok) {
      console.log(`Teams app package written to ${r.file}`);
    } else {
      console.error(`Teams app package not built:\n- ${r.errors.join('\n- ')}`);
      process.exitCode = 1;
    }
  });
}
