import { join } from 'node:path';
import { readLocaleResources, SUPPORTED_LOCALES } from '../../src/i18n';
import { projectRoot } from '../../src/paths';

function flatten(obj: unknown, prefix: string, out: Set<string>): void {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.add(prefix);
  }
}

describe('locale files', () => {
  const resources = readLocaleResources(join(projectRoot(), 'locales'));

  it('exist for every supported locale', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('have the same keys in every locale, namespace by namespace', () => {
    const keys = new Map<string, Set<string>>();
    for (const [lng, namespaces] of Object.entries(resources)) {
      const set = new Set<string>();
      for (const [ns, tree] of Object.entries(namespaces)) flatten(tree, `${ns}:`, set);
      keys.set(lng, set);
    }
    const union = new Set([...keys.values()].flatMap((s) => [...s]));
    const missing: string[] = [];
    for (const [lng, set] of keys) for (const k of union) if (!set.has(k)) missing.push(`${lng} lacks ${k}`);
    expect(missing).toEqual([]);
  });

  it('have no empty strings', () => {
    const empty: string[] = [];
    const walk = (o: unknown, p: string): void => {
      if (typeof o === 'string') { if (!o.trim()) empty.push(p); return; }
      if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${p}.${k}`);
    };
    walk(resources, '');
    expect(empty).toEqual([]);
  });
});
