import type { Block, Doc, Translate } from './doc';
import type { IntakeDocument, StoryEvent } from './intake';
import { READINGS, answerLabel, categoryLabel, indicatorLabel, sectionTitle, stepTitle, sx, when } from './labels';
import type { CardElement } from '../cards/card';
import { CARD_QUOTING, docToCards } from './render-card';
import { docToHtml } from './render-html';
import { docToMarkdown } from './render-markdown';
import { indicatorBlocks, metaFacts, noteRef, notesBlocks, quoting, type DocOptions } from './summary-doc';
import type { NpCriterionReading, NpStepReading } from './summary-types';

/** The date as told; a relative one ("hace 2 años") also shows the year it points to, as read when recorded. */
const told = (e: StoryEvent): string =>
  e.sortKey !== null && !/\d{4}/.test(e.when) ? `${e.when} (≈ ${Math.floor(e.sortKey / 12)})` : e.when;

const storyTable = (t: Translate, events: StoryEvent[]): Block => ({
  kind: 'table', head: [sx(t, 'labels.when'), sx(t, 'labels.event')], rows: events.map((e) => [told(e), e.text]),
});

/** The defender's intake as a printable document in the defender's language. */
export function intakeDoc(intake: IntakeDocument, t: Translate, opts: DocOptions = {}): Doc {
  const { summary } = intake;
  const pid = summary.protocolId;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: sx(t, 'sections.story') }];
  if (!intake.story.length && !intake.undated.length) blocks.push({ kind: 'para', text: sx(t, 'empty.story'), tone: 'muted' });
  if (intake.story.length) blocks.push(storyTable(t, intake.story));
  if (intake.undated.length) blocks.push({ kind: 'heading', level: 3, text: sx(t, 'sections.undated' ) }, storyTable(t, intake.undated));

  const np = intake.nonPunishment;
  if (np) {
    blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.nonPunishment') });
    blocks.push({ kind: 'para', text: `${sx(t, 'labels.reading')}: ${sx(t, `npStatus.${np.status}`)}`, tone: 'attention' });
    blocks.push({ kind: 'para', text: sx(t, 'npExplain'), tone: 'muted' });
    const row = (c: NpStepReading & Partial<NpCriterionReading>): string[] => [
      stepTitle(t, pid, c.stepId),
      sx(t, `npReading.${c.reading}`) + (c.answer && !READINGS.includes(c.answer) ? ` (${answerLabel(t, pid, c.stepId, c.answer)})` : ''),
      [...(c.supportingIndicatorIds ?? []).map((id) => indicatorLabel(t, id)), ...(c.noteIds ?? []).map((id) => noteRef(summary, id))].join('; ') || '—',
      c.reading === 'supports' ? '—' : (c.openIndicatorIds ?? []).map((id) => indicatorLabel(t, id)).join('; ') || '—',
    ];
    const rows = [...(np.victim ? [row(np.victim)] : []), ...(np.link ? [row(np.link)] : []), ...np.criteria.map(row)];
    blocks.push({ kind: 'heading', level: 3, text: sx(t, 'sections.criteria') });
    blocks.push({ kind: 'table', head: [sx(t, 'labels.criterion'), sx(t, 'labels.answer'), sx(t, 'labels.support'), sx(t, 'labels.missing')], rows });
  }

  blocks.push(...indicatorBlocks(summary, t, quoting(opts)));
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.evidence') });
  blocks.push(intake.evidence.length
    ? { kind: 'list', items: intake.evidence.map((e) => ({
      lead: sx(t, `evidence.${e.id}.label`), text: sx(t, `evidence.${e.id}.why`),
      sub: [`${sx(t, 'labels.because')}: ${e.because.map((c) => categoryLabel(t, c)).join(', ')}`],
    })) }
    : { kind: 'para', text: sx(t, 'empty.evidence'), tone: 'muted' });
  blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.nextSteps') });
  blocks.push(summary.nextSteps.length
    ? { kind: 'list', items: summary.nextSteps.map((id) => ({ text: sx(t, `nextSteps.${id}`) })) }
    : { kind: 'para', text: sx(t, 'empty.nextSteps'), tone: 'muted' });
  if (summary.uncovered.length) {
    blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.uncovered') });
    blocks.push({ kind: 'list', items: summary.uncovered.map((u) => ({
      lead: stepTitle(t, pid, u.stepId), text: `${sectionTitle(t, pid, u.section)} · ${sx(t, `uncoveredReason.${u.reason}`)}`,
    })) });
  }
  if (summary.consent.length) {
    blocks.push({ kind: 'heading', level: 2, text: sx(t, 'sections.consent') });
    blocks.push({ kind: 'facts', facts: summary.consent.map((c) => [stepTitle(t, pid, c.stepId), `${answerLabel(t, pid, c.stepId, c.value)} · ${when(c.at)}`]) });
  }
  blocks.push(...notesBlocks(summary, t, summary.notes));
  return { lang: t('summary:lang'), title: sx(t, 'intakeTitle'), statement: sx(t, 'statement'), meta: metaFacts(summary, t), blocks };
}

/** The intake as Markdown, in the defender's language. */
export const renderIntakeMarkdown = (intake: IntakeDocument, t: Translate): string => docToMarkdown(intakeDoc(intake, t));

/** The intake as a self-contained printable HTML page, in the defender's language. */
export const renderIntakeHtml = (intake: IntakeDocument, t: Translate): string => docToHtml(intakeDoc(intake, t));

/** The intake as Adaptive Card pages (same limits and buttons as the summary cards). */
export const renderIntakeCards = (intake: IntakeDocument, t: Translate): CardElement[] =>
  docToCards(intakeDoc(intake, t, CARD_QUOTING), t, { canSubmit: !['submitted', 'signed-off'].includes(intake.summary.sessionStatus) });
