/**
 * A small printable-document model shared by every renderer: the summary and the intake are turned
 * into a `Doc` once (with the turn's `t`), then serialised to Markdown, HTML or Adaptive Cards. All
 * strings here are plain text; each serialiser escapes for its own format.
 */
export interface DocItem {
  /** Optional bold lead, e.g. an indicator label. */
  lead?: string;
  text?: string;
  /** Secondary lines under the item, e.g. supporting notes. */
  sub?: string[];
}

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string; tone?: 'muted' | 'attention' }
  | { kind: 'facts'; facts: [string, string][] }
  | { kind: 'list'; items: DocItem[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface Doc {
  /** BCP 47 language of the words (the reader's), for `<html lang>`. */
  lang: string;
  title: string;
  /** "Indicators are indicative, not a legal determination": shown at top and bottom, and on every card page. */
  statement: string;
  meta: [string, string][];
  blocks: Block[];
}

/** Translation function as renderers use it (an i18next fixed `t` fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
