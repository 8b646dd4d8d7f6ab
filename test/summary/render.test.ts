import { SUPPORTED_LOCALES } from '../../src/i18n';
import { CARD_BYTE_LIMIT, renderSummaryCards } from '../../src/summary/render-card';
import { renderSummaryHtml } from '../../src/summary/render-html';
import { renderSummaryMarkdown } from '../../src/summary/render-markdown';
import { buildSummary } from '../../src/summary/summary';
import type { Note } from '../../src/session/record';
import { courierInterview } from './cases';
import { at, catalogue, interview } from './fixtures';
import { tFor } from './fixture-locales';

type Card = { body: Record<string, unknown>[]; actions: { title: string; data: { faro: 1; cmd: string; arg?: string } }[] };

/** A long session: 300 notes of up to 500 characters, many linked to one indicator. */
function longSession() {
  const r = courierInterview();
  const notes: Note[] = [];
  for (let i = 0; i < 300; i++) {
    const len = 200 + ((i * 37) % 301);
    notes.push({ id: `L${i}`, stepId: i % 2 ? 'free-account' : 'topic-recruitment', text: `Nota ${i}: ${'ñá<b>*x* '.repeat(60)}`.slice(0, len), at: at(100 + i) });
  }
  r.state.notes.push(...notes);
  r.state.marks['rec-deception']!.noteIds = notes.slice(0, 150).map((n) => n.id);
  return buildSummary(r, interview, catalogue);
}

const allText = (v: unknown): string => JSON.stringify(v);

describe('summary renderings', () => {
  const summary = buildSummary(courierInterview(), interview, catalogue);

  it.each(SUPPORTED_LOCALES)('carry the statement of indicativeness in %s: every card page, Markdown top and bottom, HTML top and bottom', (lng) => {
    const t = tFor(lng);
    const statement = t('summary:statement');
    expect(statement).not.toBe('summary:statement');
    for (const card of renderSummaryCards(longSession(), t)) expect(allText(card)).toContain(statement);
    const md = renderSummaryMarkdown(summary, t);
    expect(md.split(statement).length - 1).toBe(2);
    expect(md.trimEnd().endsWith(`**${statement}**`)).toBe(true);
    const html = renderSummaryHtml(summary, t);
    expect(html).toContain(`<html lang="${lng}">`);
    expect(html.split(statement).length - 1).toBe(2);
  });

  it('name every section and indicator in the reader language', () => {
    const en = renderSummaryMarkdown(summary, tFor('en'));
    for (const s of ['## Recommended next steps', '## Indicators found', '### Act: how the person was recruited or moved', '#### Recruitment',
      '## Suggested, not yet confirmed', '## Topics not covered yet', '## Consent', '## Notes', 'Deceived about the job or the trip',
      'Arrange an urgent medical check', 'Consent to sharing', 'No · 2026-03-02 09:02 UTC']) {
      expect(en).toContain(s);
    }
    const pt = renderSummaryMarkdown(summary, tFor('pt'));
    expect(pt).toContain('## Indicadores encontrados');
    expect(pt).toContain('Enganada sobre o trabalho ou a viagem');
  });

  it('escape a note that holds a script in HTML, Markdown and cards', () => {
    const r = courierInterview();
    r.state.notes[0]!.text = '<script>alert("x")</script> & <img src=x onerror=alert(1)> [link](http://evil.example)';
    const s = buildSummary(r, interview, catalogue);
    const html = renderSummaryHtml(s, tFor('es'));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    const md = renderSummaryMarkdown(s, tFor('es'));
    expect(md).not.toContain('<script');
    expect(md).not.toMatch(/[^\\]\]\(http/);
    expect(md).toContain('\\[link\\](http');
    const cards = allText(renderSummaryCards(s, tFor('es')));
    expect(cards).not.toMatch(/[^\\]\]\(http/);
  });

  it('keep every card page under 28 KB for 300 notes and page them with working buttons', () => {
    const long = longSession();
    const cards = renderSummaryCards(long, tFor('es')) as unknown as Card[];
    expect(cards.length).toBeGreaterThan(3);
    cards.forEach((card, i) => {
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(CARD_BYTE_LIMIT);
      expect(allText(card.body)).toContain(`Página ${i + 1} de ${cards.length}`);
      const cmds = card.actions.map((a) => `${a.data.cmd}:${a.data.arg ?? ''}`);
      expect(cmds).toEqual([
        ...(i > 0 ? [`summary:${i}`] : []), ...(i < cards.length - 1 ? [`summary:${i + 2}`] : []), 'submit:', 'export:', 'report:',
      ]);
      expect(card.actions.every((a) => a.data.faro === 1)).toBe(true);
    });
    // Every note appears in full somewhere in the pages, none is lost between pages.
    const text = cards.map(allText).join('');
    for (const n of long.notes) expect(text).toContain(`Nota ${n.id.slice(1)}:`);
    expect((cards[0] as unknown as { version: string }).version).toBe('1.5');
  });

  it('fit a short summary on one card without page buttons, and drop submit once submitted', () => {
    const cards = renderSummaryCards(summary, tFor('en')) as unknown as Card[];
    expect(cards).toHaveLength(1);
    expect(cards[0]!.actions.map((a) => a.data.cmd)).toEqual(['submit', 'export', 'report']);
    const submitted = buildSummary(courierInterview({ status: 'submitted' }), interview, catalogue);
    expect((renderSummaryCards(submitted, tFor('en')) as unknown as Card[])[0]!.actions.map((a) => a.data.cmd)).toEqual(['export', 'report']);
  });
});
