import { adaptiveCard, submitAction, textBlock, type CardElement } from '../cards/card';
import type { Block, Doc, DocItem, Translate } from './doc';
import { sx } from './labels';
import { summaryDoc } from './summary-doc';
import type { SessionSummary } from './summary-types';

/** Teams refuses card payloads of about 28 KB and more; pages are kept under this many bytes. */
export const CARD_BYTE_LIMIT = 28 * 1024;
/** Room kept free on each page for the header, the statement and the buttons, measured per page. */
const SAFETY = 512;
/** Longest text a card shows in one block; the printable report always shows everything. */
const CARD_TEXT_MAX = 3000;
/** On cards, notes under an indicator are short excerpts, at most five; the Notes section has them in full. */
export const CARD_QUOTING = { excerpt: 240, maxNotes: 5 } as const;

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');
// Card TextBlocks read a subset of Markdown; typed text is escaped so it shows as typed.
// Cards render no HTML, so only Markdown marks are escaped here.
const md = (s: string): string =>
  (s.length > CARD_TEXT_MAX ? `${s.slice(0, CARD_TEXT_MAX - 1)}…` : s).replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1').replace(/\r?\n/g, ' ');
/** Sub-lines (notes under an indicator) per card element, so one indicator with many notes still pages. */
const SUB_CHUNK = 8;

const subBlock = (s: string): CardElement => textBlock(md(s), { isSubtle: true, size: 'Small', spacing: 'None' });

function itemElements(it: DocItem): CardElement[] {
  const head = [it.lead ? `**${md(it.lead)}**` : '', it.text ? md(it.text) : ''].filter(Boolean).join(': ');
  const sub = it.sub ?? [];
  const first: CardElement[] = [textBlock(head, { spacing: 'Small' }), ...sub.slice(0, SUB_CHUNK).map(subBlock)];
  const out: CardElement[] = [first.length === 1 ? first[0]! : { type: 'Container', spacing: 'Small', items: first }];
  for (let i = SUB_CHUNK; i < sub.length; i += SUB_CHUNK) {
    out.push({ type: 'Container', spacing: 'None', items: sub.slice(i, i + SUB_CHUNK).map(subBlock) });
  }
  return out;
}

/** One block as card elements; lists and tables become one element per item so pages can break between them. */
function elements(b: Block): CardElement[] {
  switch (b.kind) {
    case 'heading': return [textBlock(md(b.text), { weight: 'Bolder', size: b.level === 2 ? 'Medium' : 'Default', spacing: b.level === 2 ? 'Large' : 'Medium', ...(b.level === 2 ? { separator: true } : {}) })];
    case 'para': return [textBlock(md(b.text), b.tone === 'muted' ? { isSubtle: true, size: 'Small' } : b.tone === 'attention' ? { weight: 'Bolder', color: 'Attention' } : {})];
    case 'facts': return [{ type: 'FactSet', facts: b.facts.map(([title, value]) => ({ title: md(title), value: md(value) })) }];
    case 'list': return b.items.flatMap(itemElements);
    case 'table': return b.rows.flatMap((r) => itemElements({ lead: r[0], text: r.slice(1).join(' · ') }));
  }
}

/** Groups elements so a heading is never the last thing on a page. */
function units(doc: Doc): CardElement[][] {
  const out: CardElement[][] = [[{ type: 'FactSet', facts: doc.meta.map(([title, value]) => ({ title: md(title), value: md(value) })) }]];
  let pending: CardElement[] = [];
  for (const b of doc.blocks) {
    for (const el of elements(b)) {
      pending.push(el);
      if (b.kind !== 'heading') { out.push(pending); pending = []; }
    }
  }
  if (pending.length) out.push(pending);
  return out;
}

function page(doc: Doc, t: Translate, body: CardElement[], n: number, m: number, canSubmit: boolean): CardElement {
  const head: CardElement[] = [
    textBlock(md(doc.title), { size: 'Large', weight: 'Bolder' }),
    textBlock(sx(t, 'meta.page', { n, m }), { isSubtle: true, size: 'Small', spacing: 'None' }),
    { type: 'Container', style: 'warning', items: [textBlock(md(doc.statement), { weight: 'Bolder' })] },
  ];
  const actions: CardElement[] = [];
  if (n > 1) actions.push(submitAction(sx(t, 'actions.previous'), { cmd: 'summary', arg: String(n - 1) }));
  if (n < m) actions.push(submitAction(sx(t, 'actions.next'), { cmd: 'summary', arg: String(n + 1) }));
  if (canSubmit) actions.push(submitAction(sx(t, 'actions.submit'), { cmd: 'submit' }, 'positive'));
  actions.push(submitAction(sx(t, 'actions.export'), { cmd: 'export' }));
  actions.push(submitAction(sx(t, 'actions.report'), { cmd: 'report' }));
  return adaptiveCard([...head, ...body], actions);
}

/**
 * A document as Adaptive Card 1.5 pages, each under {@link CARD_BYTE_LIMIT} bytes as JSON, each with
 * the statement of indicativeness, "page n of m", previous/next buttons (`{cmd:'summary', arg:'<page>'}`)
 * and the submit (for review, unless already submitted), export and report buttons.
 */
export function docToCards(doc: Doc, t: Translate, opts: { canSubmit?: boolean } = {}): CardElement[] {
  const canSubmit = opts.canSubmit ?? true;
  // The page frame's size with the widest page numbers and every button, measured once.
  const frame = bytes(page(doc, t, [], 9999, 9999, canSubmit)) + SAFETY;
  const budget = CARD_BYTE_LIMIT - frame;
  const pages: CardElement[][] = [];
  let current: CardElement[] = [];
  let size = 0;
  for (const unit of units(doc)) {
    const s = unit.reduce((acc, el) => acc + bytes(el) + 1, 0);
    if (current.length && size + s > budget) { pages.push(current); current = []; size = 0; }
    current.push(...unit);
    size += s;
  }
  if (current.length || !pages.length) pages.push(current);
  return pages.map((body, i) => page(doc, t, body, i + 1, pages.length, canSubmit));
}

/** The session summary as Adaptive Card pages in the reader's language. */
export function renderSummaryCards(summary: SessionSummary, t: Translate): CardElement[] {
  const canSubmit = !['submitted', 'signed-off'].includes(summary.sessionStatus);
  return docToCards(summaryDoc(summary, t, CARD_QUOTING), t, { canSubmit });
}
