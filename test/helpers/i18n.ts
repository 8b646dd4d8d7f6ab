import { join } from 'node:path';
import { createI18n, readLocaleResources, type Resources } from '../../src/i18n';
import { projectRoot } from '../../src/paths';

/** The real locale files, plus any extra namespaces a test needs (e.g. a fixture protocol's words). */
export function testI18n(extra: Resources = {}) {
  const resources = readLocaleResources(join(projectRoot(), 'locales'));
  for (const [lng, namespaces] of Object.entries(extra)) resources[lng] = { ...(resources[lng] ?? {}), ...namespaces };
  return createI18n(resources, 'es');
}
