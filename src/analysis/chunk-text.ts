/** A piece of a longer text and where it starts in it. */
export interface TextChunk { start: number; text: string }

/**
 * Splits text into chunks of at most `max` UTF-16 code units, preferring a sentence end, then any
 * whitespace, in the second half of the window; a surrogate pair is never cut. Chunks keep every
 * character, so `chunk.start + offset` is an offset into the whole text. Blank chunks are dropped
 * (the service rejects empty documents).
 */
export function chunkText(text: string, max: number): TextChunk[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const chunks: TextChunk[] = [];
  let pos = 0;
  while (pos < text.length) {
    let cut = Math.min(text.length, pos + max);
    if (cut < text.length) {
      const window = text.slice(pos, cut);
      const half = Math.floor(max / 2);
      let best = -1;
      for (const m of window.matchAll(/[.!?\n]\s+/g)) if (m.index + m[0].length >= half) best = m.index + m[0].length;
      if (best < 0) {
        const ws = window.search(/\s\S*$/);
        if (ws >= half) best = ws + 1;
      }
      if (best > 0) cut = pos + best;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const piece = text.slice(pos, cut);
    if (piece.trim()) chunks.push({ start: pos, text: piece });
    pos = cut;
  }
  return chunks;
}

/** Groups items into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
