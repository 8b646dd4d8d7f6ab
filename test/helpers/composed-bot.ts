import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { composeFaro, type FaroOptions } from '../../src/compose';
import { ConfigSchema } from '../../src/config';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/paths';
import { demoDirectory, fileDirectory } from '../../src/review/directory';
import type { User } from '../../src/review/roles';
import { dataKey } from '../../src/storage/crypto';
import { findSeedsDir } from '../content/content-files';

/**
 * The real, fully wired Faro (real content, encrypted files in a temp folder, audit trail), driven
 * in-process through botbuilder's TestAdapter: one adapter per person and conversation.
 */
export async function composedFaro(opts: { users?: User[]; redact?: FaroOptions['redact'] } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'faro-bot-'));
  const config = ConfigSchema.parse({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const key = dataKey(Buffer.alloc(32, 9));
  const faro = composeFaro({
    config, logger: createLogger('silent'), key, rootDir: projectRoot(), seedsDir: findSeedsDir() ?? null,
    directory: opts.users ? fileDirectory({ users: opts.users }) : demoDirectory(),
    clock: () => new Date('2026-05-04T10:00:00Z'),
    ...(opts.redact ? { redact: opts.redact } : {}),
  });
  /** A person in a conversation of their own: `say` sends text or a card value and returns the replies. */
  const person = (id: string, locale = 'es-ES', conversation = `conv-${id}`) => {
    const adapter = new TestAdapter(async (ctx) => faro.bot.run(ctx));
    adapter.conversation = { ...adapter.conversation, conversation: { id: conversation } as never, user: { id, name: id } };
    return {
      async say(input: string | Record<string, unknown>): Promise<Partial<Activity>[]> {
        adapter.activeQueue.length = 0;
        const activity: Partial<Activity> = typeof input === 'string'
          ? { type: 'message', text: input, locale }
          : { type: 'message', value: input, locale };
        await adapter.send(activity);
        return adapter.activeQueue.splice(0);
      },
    };
  };
  return { faro, dataDir, key, person };
}

export const textOf = (acts: Partial<Activity>[]): string => acts.map((a) => a.text ?? '').join('\n');
export const attachmentsOf = (acts: Partial<Activity>[]) => acts.flatMap((a) => a.attachments ?? []);
export const decodeDataUrl = (url: string): string => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
