import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/paths';
import type { SourceRef } from '../../src/protocol/schema';

export const LOCALES = ['es', 'en', 'pt'] as const;

/** Reads and parses a JSON file under the project root. */
export function readProjectJson(relPath: string): unknown {
  return JSON.parse(readFileSync(join(projectRoot(), relPath), 'utf8')) as unknown;
}

/**
 * The folder holding the seed documents that content cites. `FARO_SEEDS_DIR` wins; otherwise the
 * nearest `shared/seeds` found walking up from the project root (CI clones the repo next to
 * `shared/`, a working copy may sit deeper). Undefined when there is none.
 */
export function findSeedsDir(): string | undefined {
  const fromEnv = process.env['FARO_SEEDS_DIR'];
  if (fromEnv) return fromEnv;
  let dir = projectRoot();
  for (;;) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const lineCounts = new Map<string, number>();

/** Number of lines of a seed file as `cat -n` numbers them, or undefined when it does not exist. */
function seedLineCount(seedsDir: string, doc: string): number | undefined {
  const key = join(seedsDir, doc);
  if (!lineCounts.has(key)) {
    if (!existsSync(key)) return undefined;
    const text = readFileSync(key, 'utf8');
    const lines = text.split('\n');
    lineCounts.set(key, text.endsWith('\n') ? lines.length - 1 : lines.length);
  }
  return lineCounts.get(key);
}

/** Problems with `doc` source references: a missing file, a reversed range, or lines past the end. */
export function sourceProblems(seedsDir: string, where: string, sources: readonly SourceRef[]): string[] {
  const problems: string[] = [];
  for (const s of sources) {
    if (!('doc' in s)) continue;
    const [from, to] = s.lines.split('-').map(Number) as [number, number];
    const count = seedLineCount(seedsDir, s.doc);
    if (count === undefined) problems.push(`${where}: ${s.doc} does not exist`);
    else if (from < 1 || to < from || to > count) problems.push(`${where}: ${s.doc} lines ${s.lines} outside 1-${count}`);
  }
  return problems;
}
