import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A Direct Line activity as stored: a loose JSON object with an id. */
export type DlActivity = Record<string, unknown> & { id: string };

interface Entry {
  seq: number;
  activity: DlActivity;
}

export interface DlConversation {
  readonly id: string;
  readonly token: string;
  lastUsed: number;
  nextSeq: number;
  entries: Entry[];
}

export interface DirectLineStoreOptions {
  /** Activities kept per conversation; older ones are dropped. */
  maxActivities: number;
  /** Conversations idle for longer than this are forgotten. */
  idleMs: number;
  now: () => number;
}

/**
 * In-memory conversations of the local Direct Line. Activities are interview content: they live only
 * here, capped per conversation, and vanish with idle conversations. Nothing is written anywhere.
 */
export class DirectLineStore {
  private readonly conversations = new Map<string, DlConversation>();
  private lastSweep = 0;

  constructor(private readonly opts: DirectLineStoreOptions) {}

  get size(): number {
    return this.conversations.size;
  }

  create(): DlConversation {
    this.sweep(true);
    const conv: DlConversation = {
      id: randomBytes(16).toString('hex'),
      token: randomBytes(32).toString('base64url'),
      lastUsed: this.opts.now(),
      nextSeq: 1,
      entries: [],
    };
    this.conversations.set(conv.id, conv);
    return conv;
  }

  /** The conversation, if it exists and `token` is its token. */
  authorize(convId: string, token: string | undefined): DlConversation | undefined {
    this.sweep(false);
    const conv = this.live(convId);
    if (!conv || !token || !sameSecret(conv.token, token)) return undefined;
    conv.lastUsed = this.opts.now();
    return conv;
  }

  /** The conversation a token belongs to. */
  byToken(token: string | undefined): DlConversation | undefined {
    if (!token) return undefined;
    this.sweep(false);
    for (const conv of this.conversations.values()) {
      if (sameSecret(conv.token, token) && this.live(conv.id)) {
        conv.lastUsed = this.opts.now();
        return conv;
      }
    }
    return undefined;
  }

  /** The conversation for the bot's replies (no token: the connector side is not authenticated locally). */
  get(convId: string): DlConversation | undefined {
    const conv = this.live(convId);
    if (conv) conv.lastUsed = this.opts.now();
    return conv;
  }

  private live(convId: string): DlConversation | undefined {
    const conv = this.conversations.get(convId);
    if (conv && this.opts.now() - conv.lastUsed > this.opts.idleMs) {
      this.conversations.delete(convId);
      return undefined;
    }
    return conv;
  }

  /** Appends an activity; stamps `id` (`<convId>|<seq>`) unless `keepId` is given, and `timestamp`. */
  append(conv: DlConversation, activity: Record<string, unknown>, keepId?: string): DlActivity {
    const seq = conv.nextSeq++;
    const stored: DlActivity = { ...activity, id: keepId ?? `${conv.id}|${String(seq).padStart(7, '0')}`, timestamp: new Date(this.opts.now()).toISOString() };
    if (keepId) conv.entries = conv.entries.filter((e) => e.activity.id !== keepId);
    conv.entries.push({ seq, activity: stored });
    if (conv.entries.length > this.opts.maxActivities) conv.entries.splice(0, conv.entries.length - this.opts.maxActivities);
    return stored;
  }

  /** Activities after `watermark`, and the new watermark. */
  since(conv: DlConversation, watermark: number): { activities: DlActivity[]; watermark: string } {
    const activities = conv.entries.filter((e) => e.seq > watermark).map((e) => e.activity);
    return { activities, watermark: String(conv.nextSeq - 1) };
  }

  /** Forgets idle conversations; at most once a minute unless forced. */
  sweep(force: boolean): void {
    const now = this.opts.now();
    if (!force && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, conv] of this.conversations) if (now - conv.lastUsed > this.opts.idleMs) this.conversations.delete(id);
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
