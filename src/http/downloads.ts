import { randomBytes } from 'node:crypto';

export interface Download {
  name: string;
  contentType: string;
  body: string;
}

/**
 * Short-lived, single-use download links for reports and exports, for channels that cannot carry a
 * file inline (Teams). Held in memory only; a link works once and for `ttlMs` at most.
 */
export class DownloadStore {
  private readonly items = new Map<string, Download & { expires: number }>();

  constructor(private readonly opts: { ttlMs?: number; maxItems?: number; now?: () => number } = {}) {}

  private get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  put(item: Download): string {
    this.sweep();
    const max = this.opts.maxItems ?? 200;
    while (this.items.size >= max) this.items.delete(this.items.keys().next().value as string);
    const token = randomBytes(32).toString('base64url');
    this.items.set(token, { ...item, expires: this.now + (this.opts.ttlMs ?? 10 * 60_000) });
    return token;
  }

  /** The download, once: the link is spent by taking it. */
  take(token: string): Download | undefined {
    this.sweep();
    const item = this.items.get(token);
    if (!item) return undefined;
    this.items.delete(token);
    return { name: item.name, contentType: item.contentType, body: item.body };
  }

  private sweep(): void {
    const now = this.now;
    for (const [k, v] of this.items) if (v.expires <= now) this.items.delete(k);
  }
}
