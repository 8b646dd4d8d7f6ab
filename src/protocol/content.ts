import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, zodFault } from './content-error';
import { indicatorKeys, missingKeys, protocolKeys } from './content-locale';
import { checkStructure, sourcesOf } from './content-structure';
import { IndicatorCatalogue, Protocol, type SourceRef } from './schema';
import { SUPPORTED_LOCALES } from '../i18n';

/** Validated content: every protocol by id and the indicator catalogue. */
export interface Content {
  protocols: Map<string, Protocol>;
  catalogue: IndicatorCatalogue;
}

export interface LoadOptions {
  /**
   * Where `{doc, lines}` sources point; default `<rootDir>/../shared/seeds`. `null` skips the line-range
   * check (a deployment without the guidance documents); the tests always run it.
   */
  seedsDir?: string | null;
  /** Locales that must hold every key; default the supported ones. */
  locales?: readonly string[];
}

const CATALOGUE = 'indicators.json';

/**
 * Reads and validates `prompts/*.json` under `rootDir` (every file except `indicators.json` and
 * anything starting with `cues` is a protocol, named after its id) with their locale files. Meant to
 * run once at start-up: any fault throws a ContentError naming the file and the path inside it.
 */
export function loadContent(rootDir: string, opts: LoadOptions = {}): Content {
  const seedsDir = opts.seedsDir === undefined ? join(rootDir, '..', 'shared', 'seeds') : opts.seedsDir;
  const locales = opts.locales ?? SUPPORTED_LOCALES;
  const promptsDir = join(rootDir, 'prompts');
  if (!existsSync(promptsDir)) throw new ContentError('prompts/: folder not found, no protocol files');
  const files = readdirSync(promptsDir).filter((f) => f.endsWith('.json') && f !== CATALOGUE && !f.startsWith('cues')).sort();
  if (!files.length) throw new ContentError('prompts/: no protocol files');

  const catalogue = parseFile(rootDir, `prompts/${CATALOGUE}`, IndicatorCatalogue);
  const seen = new Set<string>();
  catalogue.indicators.forEach((x, i) => {
    if (seen.has(x.id)) throw new ContentError(`prompts/${CATALOGUE}: indicators[${i}].id: duplicate indicator "${x.id}"`);
    seen.add(x.id);
  });
  const lines = seedsDir === null ? null : seedLines(seedsDir);
  checkSources(`prompts/${CATALOGUE}`, sourcesOf(catalogue), lines);
  for (const lng of locales) checkLocale(rootDir, `locales/${lng}/indicators.json`, indicatorKeys(catalogue));

  const protocols = new Map<string, Protocol>();
  for (const f of files) {
    const file = `prompts/${f}`;
    const p = parseFile(rootDir, file, Protocol);
    if (`${p.id}.json` !== f) throw new ContentError(`${file}: id: "${p.id}" does not match the file name`);
    checkStructure(file, p, catalogue);
    checkSources(file, sourcesOf(p), lines);
    for (const lng of locales) checkLocale(rootDir, `locales/${lng}/protocol.${p.id}.json`, protocolKeys(p));
    protocols.set(p.id, p);
  }
  return { protocols, catalogue };
}

function readJson(rootDir: string, file: string): unknown {
  const full = join(rootDir, file);
  if (!existsSync(full)) throw new ContentError(`${file}: missing file`);
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as unknown;
  } catch (cause) {
    throw new ContentError(`${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
}

function parseFile<T>(rootDir: string, file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }): T {
  const parsed = schema.safeParse(readJson(rootDir, file));
  if (!parsed.success) throw zodFault(file, parsed.error);
  return parsed.data;
}

function checkLocale(rootDir: string, file: string, keys: string[]): void {
  const missing = missingKeys(readJson(rootDir, file), keys);
  if (missing.length) throw new ContentError(`${file}: missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
}

/** Line counts of the seed files, read lazily. */
function seedLines(dir: string): (doc: string) => number | undefined {
  const cache = new Map<string, number | undefined>();
  return (doc) => {
    if (!cache.has(doc)) {
      const full = join(dir, doc);
      cache.set(doc, existsSync(full) ? readFileSync(full, 'utf8').replace(/\n$/, '').split('\n').length : undefined);
    }
    return cache.get(doc);
  };
}

function checkSources(file: string, refs: Array<[string, SourceRef]>, lines: ((doc: string) => number | undefined) | null): void {
  if (!lines) return;
  for (const [where, ref] of refs) {
    if (!('doc' in ref)) continue;
    const count = lines(ref.doc);
    if (count === undefined) throw new ContentError(`${file}: ${where}.doc: no seed file "${ref.doc}"`);
    const [from, to] = ref.lines.split('-').map(Number) as [number, number];
    if (from < 1 || to < from || to > count) {
      throw new ContentError(`${file}: ${where}.lines: "${ref.lines}" is outside ${ref.doc} (1-${count})`);
    }
  }
}
