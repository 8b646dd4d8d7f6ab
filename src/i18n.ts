import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';

export const SUPPORTED_LOCALES = ['es', 'en', 'pt'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every `locales/<lng>/<namespace>.json` into memory. Done once, at start-up. */
export function readLocaleResources(localesDir: string): Resources {
  const resources: Resources = {};
  for (const lng of readdirSync(localesDir)) {
    const dir = join(localesDir, lng);
    if (!statSync(dir).isDirectory()) continue;
    resources[lng] = {};
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      const ns = file.slice(0, -'.json'.length);
      resources[lng]![ns] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

/**
 * One i18next instance for the whole process, resources preloaded. Never call `changeLanguage`
 * on it: take a fixed `t` per turn with {@link fixedT}.
 */
export function createI18n(resources: Resources, defaultLocale: Locale = 'es'): i18n {
  const instance = i18next.createInstance();
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
  void instance.init({
    resources,
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...SUPPORTED_LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    ns: namespaces,
    defaultNS: 'common',
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/** Maps `pt-BR`, `es_419`, `EN` … to a supported locale, or undefined. */
export function normalizeLocale(raw: string | undefined | null): Locale | undefined {
  if (!raw) return undefined;
  const base = raw.trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

/** The user's choice, else the activity's locale, else the configured default. */
export function resolveLocale(choice: string | undefined, activityLocale: string | undefined, fallback: Locale): Locale {
  return normalizeLocale(choice) ?? normalizeLocale(activityLocale) ?? fallback;
}

export function fixedT(instance: i18n, locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
