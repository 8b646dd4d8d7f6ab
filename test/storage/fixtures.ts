import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataKey, type DataKey } from '../../src/storage/crypto';
import type { SessionRecord } from '../../src/session/record';

export const newKey = (): DataKey => dataKey(randomBytes(32));

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'faro-storage-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every regular file under `dir`, recursively. */
export async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Files under `dir` whose bytes contain `marker` as UTF-8 or UTF-16LE. */
export async function filesContaining(dir: string, marker: string): Promise<string[]> {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const hits: string[] = [];
  for (const f of await allFiles(dir)) {
    const bytes = await readFile(f);
    if (needles.some((n) => bytes.includes(n))) hits.push(f);
  }
  return hits;
}

export const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

export function sessionRecord(over: { id?: string; authorId?: string; office?: string; note?: string } = {}): SessionRecord {
  const at = '2026-01-02T03:04:05.000Z';
  return {
    schemaVersion: 1,
    id: over.id ?? randomUUID(),
    kind: 'officer',
    author: { id: over.authorId ?? 'officer-1', role: 'officer', office: over.office ?? 'office-a' },
    office: over.office ?? 'office-a',
    locale: 'es',
    status: 'in-progress',
    createdAt: at,
    updatedAt: at,
    state: {
      protocolId: 'identification',
      protocolVersion: '1',
      cursor: 'intro',
      trail: ['intro'],
      answers: {},
      skipped: [],
      marks: {},
      notes: over.note ? [{ id: 'n1', stepId: 'intro', text: over.note, at }] : [],
      consent: {},
      seq: 1,
    },
  };
}
