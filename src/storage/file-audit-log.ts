import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditEntry, chainEntry, type AuditEvent, type AuditLog } from '../review/audit';

/**
 * The audit trail as a JSON Lines file, only ever appended to. Appends are serialized in-process so
 * the chain never forks; the last entry is read once at start and then kept.
 */
export function createFileAuditLog(opts: { file: string; key: Buffer; clock?: () => Date }): AuditLog {
  const clock = opts.clock ?? (() => new Date());
  let last: AuditEntry | undefined;
  let loaded = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function readLines(): Promise<string[]> {
    try {
      return (await readFile(opts.file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async function append(event: AuditEvent): Promise<AuditEntry> {
    if (!loaded) {
      await mkdir(dirname(opts.file), { recursive: true, mode: 0o700 });
      const lines = await readLines();
      const tail = lines[lines.length - 1];
      last = tail ? AuditEntry.parse(JSON.parse(tail)) : undefined;
      loaded = true;
    }
    const entry = chainEntry(opts.key, last, event, clock());
    await appendFile(opts.file, `${JSON.stringify(entry)}\n`, { mode: 0o600, flag: 'a' });
    last = entry;
    return entry;
  }

  return {
    append(event) {
      const run = queue.then(() => append(event));
      queue = run.catch(() => undefined);
      return run;
    },
    async entries() {
      await queue;
      return (await readLines()).map((l) => AuditEntry.parse(JSON.parse(l)));
    },
  };
}
