import type { Block, Doc, DocItem, Translate } from './doc';
import {
  READINGS, answerLabel, categoryLabel, indicatorLabel, protocolTitle, sectionTitle, stepTitle, sx, when,
} from './labels';
import type { IndicatorEntry, NonPunishmentReading, SessionSummary, SummaryNote } from './summary-types';

export interface DocOptions {
  /** Longest note text shown under an indicator (cards keep it short; printable reports show all). */
  excerpt?: number;
  /** Most notes quoted under one indicator; the rest are listed by reference (N12, N13…). */
  maxNotes?: number;
}

/** How notes are quoted under indicators; `seen` makes a repeated indicator list its notes by reference only. */
export interface NoteQuoting { excerpt: number; maxNotes: number; seen: Set<string> }

export const quoting = (opts: DocOptions = {}): NoteQuoting => ({
  excerpt: opts.excerpt ?? Number.POSITIVE_INFINITY, maxNotes: opts.maxNotes ?? Number.POSITIVE_INFINITY, seen: new Set(),
});

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s);

/** Note references as readers see them: `N3`, numbered in the order the notes were written. */
export function noteRef(summary: SessionSummary, noteId: string): string {
  return `N${summary.notes.findIndex((n) => n.id === noteId) + 1}`;
}

export function noteLines(summary: SessionSummary, ids: string[], excerpt: number): string[] {
  return ids.flatMap((id) => {
    const n = summary.notes.find((x) => x.id === id);
    return n ? [`${noteRef(summary, id)} · ${when(n.at)}: ${clip(n.text, excerpt)}`] : [];
  });
}

export function indicatorItem(summary: SessionSummary, t: Translate, e: IndicatorEntry, q: NoteQuoting): DocItem {
  const strength = e.strength ? sx(t, `strength.${e.strength}`) : sx(t, 'labels.notInCatalogue');
  const refs = (ids: string[]): string => ids.map((id) => noteRef(summary, id)).join(', ');
  const key = `${e.status}:${e.id}`;
  let sub: string[];
  if (!e.noteIds.length) sub = [sx(t, 'labels.noNotes')];
  else if (q.seen.has(key)) sub = [`${sx(t, 'labels.notesRef')}: ${refs(e.noteIds)}`];
  else {
    sub = noteLines(summary, e.noteIds.slice(0, q.maxNotes), q.excerpt);
    if (e.noteIds.length > q.maxNotes) sub.push(`${sx(t, 'labels.moreNotes')}: ${refs(e.noteIds.slice(q.maxNotes))}`);
  }
  q.seen.add(key);
  return {
    lead: indicatorLabel(t, e.id),
    text: `${strength} · ${sx(t, 'labels.markedAt', { step: stepTitle(t, summary.protocolId, e.stepId) })}`,
    sub,
  };
}

export function metaFacts(summary: SessionSummary, t: Translate): [string, string][] {
  return [
    [sx(t, 'meta.protocol'), `${protocolTitle(t, summary.protocolId)} (${summary.protocolId} ${summary.protocolVersion})`],
    [sx(t, 'meta.catalogue'), summary.catalogueVersion],
    [sx(t, 'meta.kind'), sx(t, `kind.${summary.kind}`)],
    [sx(t, 'meta.status'), sx(t, `sessionStatus.${summary.sessionStatus}`)],
    [sx(t, 'meta.locale'), summary.locale],
    [sx(t, 'meta.created'), when(summary.createdAt)],
    [sx(t, 'meta.updated'), when(summary.updatedAt)],
    [sx(t, 'meta.session'), summary.sessionId],
  ];
}

export function npBlocks(summary: SessionSummary, np: NonPunishmentReading, t: Translate, q: NoteQuoting): Block[] {
  const pid = summary.protocolId;
  const items: DocItem[] = [];
  for (const s of [np.victim, np.link]) {
    if (s) items.push({ lead: stepTitle(t, pid, s.stepId), text: sx(t, `npReading.${s.reading}`) });
  }
  const criteria: DocItem[] = np.criteria.map((c) => ({
    lead: stepTitle(t, pid, c.stepId),
    text: sx(t, `npReading.${c.reading}`) + (c.answer && !READINGS.includes(c.answer) ? ` (${answerLabel(t, pid, c.stepId, c.answer)})` : ''),
    sub: [
      ...c.supportingIndicatorIds.map((id) => `${sx(t, 'labels.supportedBy')}: ${indicatorLabel(t, id)}`),
      ...c.openIndicatorIds.map((id) => `${sx(t, 'labels.toExplore')}: ${indicatorLabel(t, id)}`),
      ...noteLines(summary, c.noteIds, q.excerpt),
    ],
  }));
  return [
    { kind: 'heading', level: 2, text: sx(t, 'sections.nonPunishment') },
    { kind: 'para', text: `${sx(t, 'labels.reading')}: ${sx(t, `npStatus.${np.status}`)}`, tone: 'attention' },
    { kind: 'para', text: sx(t, 'npExplain'), tone: 'muted' },
    ...(items.length ? [{ kind: 'list', items } as Block] : []),
    ...(criteria.length ? [{ kind: 'heading', level: 3, text: sx(t, 'sections.criteria') } as Block, { kind: 'list', items: criteria } as Block] : []),
  ];
}

const listOrEmpty = (items: DocItem[], t: Translate, emptyKey: string): Block =>
  items.length ? { kind: 'list', items } : { kind: 'para', text: sx(t, `empty.${emptyKey}`), tone: 'muted' };

/** The indicators found, element by element and category by category. */
export function indicatorBlocks(summary: SessionSummary, t: Translate, q: NoteQuoting): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: sx(t, 'sections.indicators') }];
  const byId = new Map(summary.confirmed.map((e) => [e.id, e]));
  if (!summary.confirmed.length) blocks.push({ kind: 'para', text: sx(t, 'empty.indicators'), tone: 'muted' });
  for (const g of summary.groups) {
    blocks.push({ kind: 'heading', level: 3, text: sx(t, `elements.${g.element}`) });
    for (const c of g.categories) {
      blocks.push({ kind: 'heading', level: 4, text: categoryLabel(t, c.category) });
      blocks.push({ kind: 'list', items: c.indicatorIds.map((id) => indicatorItem(summary, t, byId.get(id)!, q)) });
    }
  }
  const unlisted = summary.confirmed.filter((e) => !e.categories.length);
  if (unlisted.length) {
    blocks.push({ kind: 'heading', level: 3, text: sx(t, 'elements.other') });
    blocks.push({ kind: 'list', items: unlisted.map((e) => indicatorItem(summary, t, e, q)) });
  }
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.suggested') });
  blocks.push({ kind: 'para', text: sx(t, 'suggestedExplain'), tone: 'muted' });
  blocks.push(listOrEmpty(summary.suggested.map((e) => indicatorItem(summary, t, e, q)), t, 'suggested'));
  return blocks;
}

export function notesBlocks(summary: SessionSummary, t: Translate, notes: SummaryNote[]): Block[] {
  return [
    { kind: 'heading', level: 2, text: sx(t, 'sections.notes') },
    listOrEmpty(notes.map((n) => ({
      lead: `${noteRef(summary, n.id)} · ${stepTitle(t, summary.protocolId, n.stepId)} · ${when(n.at)}`,
      text: n.text,
    })), t, 'notes'),
  ];
}

/** The whole session summary as a printable document in the reader's language. */
export function summaryDoc(summary: SessionSummary, t: Translate, opts: DocOptions = {}): Doc {
  const q = quoting(opts);
  const pid = summary.protocolId;
  const blocks: Block[] = [];
  if (summary.nonPunishment) blocks.push(...npBlocks(summary, summary.nonPunishment, t, q));
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.nextSteps') });
  blocks.push(listOrEmpty(summary.nextSteps.map((id) => ({ text: sx(t, `nextSteps.${id}`) })), t, 'nextSteps'));
  blocks.push(...indicatorBlocks(summary, t, q));
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.uncovered') });
  blocks.push(listOrEmpty(summary.uncovered.map((u) => ({
    lead: stepTitle(t, pid, u.stepId),
    text: `${sectionTitle(t, pid, u.section)} · ${sx(t, `uncoveredReason.${u.reason}`)}`,
  })), t, 'uncovered'));
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.consent') });
  blocks.push(summary.consent.length
    ? { kind: 'facts', facts: summary.consent.map((c) => [stepTitle(t, pid, c.stepId), `${answerLabel(t, pid, c.stepId, c.value)} · ${when(c.at)}`]) }
    : { kind: 'para', text: sx(t, 'empty.consent'), tone: 'muted' });
  if (summary.kind === 'defender') {
    blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.evidence') });
    blocks.push(listOrEmpty(summary.evidence.map((e) => ({
      lead: sx(t, `evidence.${e.id}.label`),
      text: sx(t, `evidence.${e.id}.why`),
      sub: [`${sx(t, 'labels.because')}: ${e.because.map((c) => categoryLabel(t, c)).join(', ')}`],
    })), t, 'evidence'));
  }
  blocks.push(...notesBlocks(summary, t, summary.notes));
  return { lang: t('summary:lang'), title: sx(t, 'title'), statement: sx(t, 'statement'), meta: metaFacts(summary, t), blocks };
}
