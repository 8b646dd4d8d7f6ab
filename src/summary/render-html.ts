import type { Block, Doc, DocItem, Translate } from './doc';
import { summaryDoc } from './summary-doc';
import type { SessionSummary } from './summary-types';

/** Escapes text for HTML element content and attribute values. Everything from a record goes through it. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;

const CSS = `
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;max-width:56rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:0 0 .75rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #d0d7de}
h3{font-size:1.05rem;margin:1.1rem 0 .35rem}
h4{font-size:.95rem;margin:.8rem 0 .25rem;color:#444c56}
.statement{border-left:4px solid #b35900;background:#fff4e5;padding:.6rem .9rem;font-weight:600;margin:1rem 0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
.meta dt{font-weight:600;color:#444c56}.meta dd{margin:0}
.muted{color:#57606a;font-style:italic}
.attention{font-weight:600}
ul{padding-left:1.3rem;margin:.3rem 0}li{margin:.25rem 0}
li ul{color:#444c56;font-size:.93rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}
.note{white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}li,tr{break-inside:avoid}.statement{background:none}}
`;

const item = (it: DocItem): string => {
  const lead = it.lead ? `<strong>${e(it.lead)}</strong>${it.text ? ': ' : ''}` : '';
  const sub = it.sub?.length ? `<ul>${it.sub.map((s) => `<li class="note">${e(s)}</li>`).join('')}</ul>` : '';
  return `<li>${lead}${it.text ? `<span class="note">${e(it.text)}</span>` : ''}${sub}</li>`;
};

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}>${e(b.text)}</h${b.level}>`;
    case 'para': return `<p${b.tone ? ` class="${b.tone}"` : ''}>${e(b.text)}</p>`;
    case 'facts': return `<dl class="meta">${b.facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
    case 'list': return `<ul>${b.items.map(item).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${
        b.rows.map((r) => `<tr>${r.map((c) => `<td class="note">${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

/** A self-contained, printable HTML page (inline CSS, no scripts, no external resources). */
export function docToHtml(doc: Doc): string {
  const statement = `<p class="statement" role="note">${e(doc.statement)}</p>`;
  return `<!DOCTYPE html>
<html lang="${e(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(doc.title)}</h1>${statement}
<dl class="meta">${doc.meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl></header>
<main>
${doc.blocks.map(block).join('\n')}
</main>
<footer>${statement}</footer>
</body>
</html>
`;
}

/** The session summary as a printable HTML report in the reader's language. */
export function renderSummaryHtml(summary: SessionSummary, t: Translate): string {
  return docToHtml(summaryDoc(summary, t));
}
