import type { Block, Doc, DocItem, Translate } from './doc';
import { summaryDoc } from './summary-doc';
import type { SessionSummary } from './summary-types';

/**
 * Markdown serialiser for a `Doc`. Text typed by people (notes, answers) can hold Markdown or HTML;
 * it is escaped so it reads as typed and never turns into markup, links or raw HTML.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

const item = (it: DocItem): string[] => {
  const head = [it.lead ? `**${escapeMarkdown(it.lead)}**` : '', it.text ? escapeMarkdown(it.text) : ''].filter(Boolean).join(': ');
  return [`- ${head}`, ...(it.sub ?? []).map((s) => `  - ${escapeMarkdown(s)}`)];
};

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'para': return b.tone === 'attention' ? `**${escapeMarkdown(b.text)}**` : b.tone === 'muted' ? `_${escapeMarkdown(b.text)}_` : escapeMarkdown(b.text);
    case 'facts': return b.facts.map(([k, v]) => `- **${escapeMarkdown(k)}:** ${escapeMarkdown(v)}`).join('\n');
    case 'list': return b.items.flatMap(item).join('\n');
    case 'table': {
      const row = (cells: string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
      return [row(b.head), `|${b.head.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
    }
  }
}

/** A document as Markdown: title, the statement, metadata, sections, and the statement again at the end. */
export function docToMarkdown(doc: Doc): string {
  const statement = `> **${escapeMarkdown(doc.statement)}**`;
  return [
    `# ${escapeMarkdown(doc.title)}`,
    statement,
    doc.meta.map(([k, v]) => `- **${escapeMarkdown(k)}:** ${escapeMarkdown(v)}`).join('\n'),
    ...doc.blocks.map(block),
    '---',
    statement,
  ].join('\n\n') + '\n';
}

/** The session summary as a Markdown report in the reader's language. */
export function renderSummaryMarkdown(summary: SessionSummary, t: Translate): string {
  return docToMarkdown(summaryDoc(summary, t));
}
