import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditKey, verifyChain } from '../../src/review/audit';
import { createFileAuditLog } from '../../src/storage/file-audit-log';

const key = auditKey(Buffer.alloc(32, 7));
const officer = { id: 'o-1', role: 'officer' as const };

async function logWith(n: number) {
  const dir = await mkdtemp(join(tmpdir(), 'faro-audit-'));
  const file = join(dir, 'audit.jsonl');
  const log = createFileAuditLog({ file, key, clock: () => new Date('2026-03-01T00:00:00Z') });
  for (let i = 0; i < n; i++) await log.append({ actor: officer, action: 'read', sessionId: `s-${i}`, outcome: 'allowed' });
  const lines = async () => (await readFile(file, 'utf8')).trim().split('\n');
  return { file, log, lines };
}

describe('the audit trail', () => {
  it('chains entries so that an untouched log verifies', async () => {
    const { lines } = await logWith(5);
    expect(verifyChain(key, await lines())).toEqual({ ok: true, count: 5 });
  });

  it('keeps one chain when many appends arrive at once', async () => {
    const { log, lines } = await logWith(0);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append({ actor: officer, action: 'change', sessionId: `s-${i}`, outcome: 'allowed' })));
    expect(verifyChain(key, await lines())).toEqual({ ok: true, count: 50 });
  });

  it('goes on from the last entry after a restart', async () => {
    const { file, lines } = await logWith(3);
    const again = createFileAuditLog({ file, key });
    await again.append({ actor: officer, action: 'export', sessionId: 's-9', outcome: 'allowed' });
    expect(verifyChain(key, await lines())).toEqual({ ok: true, count: 4 });
  });

  it('fails verification when one entry is edited, even with a well-formed line', async () => {
    const { file, lines } = await logWith(5);
    const edited = (await lines()).map((l, i) => (i === 2 ? l.replace('"s-2"', '"s-7"') : l));
    await writeFile(file, `${edited.join('\n')}\n`);
    expect(verifyChain(key, await lines())).toMatchObject({ ok: false, brokenAt: 2, reason: 'mac' });
  });

  it('fails verification when an entry is removed or the log is checked with another key', async () => {
    const { lines } = await logWith(4);
    const all = await lines();
    expect(verifyChain(key, [all[0]!, all[2]!, all[3]!])).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain(auditKey(Buffer.alloc(32, 8)), all)).toMatchObject({ ok: false, brokenAt: 0, reason: 'mac' });
  });

  it('refuses events that carry anything but ids and codes', async () => {
    const { log } = await logWith(0);
    await expect(log.append({ actor: officer, action: 'read', outcome: 'allowed', text: 'she said' } as never)).rejects.toThrow();
  });
});
