import { join } from 'node:path';
import { createI18n, readLocaleResources, SUPPORTED_LOCALES, type Locale } from '../../src/i18n';
import { projectRoot } from '../../src/paths';
import type { Translate } from '../../src/summary/doc';
import { buildIntake } from '../../src/summary/intake';
import { renderIntakeMarkdown } from '../../src/summary/intake-doc';
import { loadTranscripts, playTranscript, type Played } from '../transcripts/run-transcript';

/**
 * The intake document built from what the life-story transcripts leave in the store: the same turns
 * a defender plays in the dialog, read back as the Markdown intake in every language.
 */
const i18n = createI18n(readLocaleResources(join(projectRoot(), 'locales')));
const tFor = (lng: Locale): Translate => i18n.getFixedT(lng) as unknown as Translate;
const transcripts = loadTranscripts(join(projectRoot(), 'test', 'transcripts'));

const CASES = [
  { file: 'life-story-courier.json', story: ['2019', '2021-02', 'marzo 2021', 'hace 2 años'], undated: ['cuando era niña'],
    status: 'indications-present', evidence: ['medical-report', 'travel-records', 'network-investigation'] },
  { file: 'life-story-micro-trafficking.json', story: ['2020', 'marzo 2021', 'hace 3 meses'], undated: [],
    status: 'not-enough-information', evidence: ['financial-records', 'socio-environmental-report', 'network-investigation'] },
] as const;

/** The Markdown from one `## heading` to the next. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

const played = new Map<string, Played>();
async function play(file: string, lng: Locale): Promise<Played> {
  const key = `${file}:${lng}`;
  if (!played.has(key)) {
    const tr = transcripts.find((x) => x.file === file);
    if (!tr) throw new Error(`no transcript ${file}`);
    played.set(key, await playTranscript(tr.transcript, lng));
  }
  return played.get(key)!;
}

describe.each(CASES)('the intake left by $file', (c) => {
  it.each([...SUPPORTED_LOCALES])('is built from a transcript that played as written (%s)', async (lng) => {
    const p = await play(c.file, lng);
    expect(p.failures).toEqual([]);
    expect(p.record?.status).toBe('completed');
  });

  it.each([...SUPPORTED_LOCALES])('tells the story in chronological order, undated events after it (%s)', async (lng) => {
    const { record, content } = await play(c.file, lng);
    const intake = buildIntake(record!, content.protocols.get('life-story')!, content.catalogue);
    expect(intake.story.map((e) => e.when)).toEqual(c.story);
    expect(intake.undated.map((e) => e.when)).toEqual(c.undated);
    const t = tFor(lng);
    const story = section(renderIntakeMarkdown(intake, t), t('summary:sections.story'));
    const rows = [...intake.story, ...intake.undated].map((e) => story.indexOf(`| ${e.when}`));
    expect(rows.every((at) => at > 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it.each([...SUPPORTED_LOCALES])('lists every marked indicator with the notes taken where it was marked (%s)', async (lng) => {
    const { record, content } = await play(c.file, lng);
    const t = tFor(lng);
    const md = renderIntakeMarkdown(buildIntake(record!, content.protocols.get('life-story')!, content.catalogue), t);
    const found = section(md, t('summary:sections.indicators'));
    const marks = Object.entries(record!.state.marks);
    expect(marks.filter(([, m]) => m.status === 'confirmed').length).toBeGreaterThan(5);
    for (const [id, m] of marks) {
      if (m.status === 'confirmed') expect(found).toContain(`**${t(`indicators:${id}.label`)}**`);
      for (const n of record!.state.notes.filter((x) => x.stepId === m.stepId && m.status === 'confirmed')) expect(found).toContain(n.text);
    }
    // Unmarked ones are gone from the list.
    for (const [id, m] of marks) if (m.status === 'dismissed') expect(found).not.toContain(`**${t(`indicators:${id}.label`)}**`);
  });

  it.each([...SUPPORTED_LOCALES])('reads the non-punishment test with a criteria table holding every criterion (%s)', async (lng) => {
    const { record, content } = await play(c.file, lng);
    const protocol = content.protocols.get('life-story')!;
    const t = tFor(lng);
    const md = renderIntakeMarkdown(buildIntake(record!, protocol, content.catalogue), t);
    const np = section(md, t('summary:sections.nonPunishment'));
    expect(np).toContain(`${t('summary:labels.reading')}: ${t(`summary:npStatus.${c.status}`)}`);
    const tagged = protocol.steps.flatMap((s) => (s.kind === 'question' ? [s] : [])).filter((s) => s.tags?.some((x) => ['np-victim', 'np-link', 'np-criterion'].includes(x)));
    expect(tagged.filter((s) => s.tags?.includes('np-criterion')).length).toBeGreaterThan(0);
    for (const s of tagged) {
      const answer = record!.state.answers[s.id]?.value;
      const reading = answer === 'yes' ? 'supports' : answer === 'no' ? 'against' : 'missing';
      expect(np).toContain(`| ${t(`protocol.life-story:steps.${s.id}.title`)} | ${t(`summary:npReading.${reading}`)}`);
    }
  });

  it.each([...SUPPORTED_LOCALES])('names the evidence worth requesting, with the reasons (%s)', async (lng) => {
    const { record, content } = await play(c.file, lng);
    const t = tFor(lng);
    const md = renderIntakeMarkdown(buildIntake(record!, content.protocols.get('life-story')!, content.catalogue), t);
    const evidence = section(md, t('summary:sections.evidence'));
    for (const id of c.evidence) expect(evidence).toContain(`**${t(`summary:evidence.${id}.label`)}**`);
    expect(evidence).toContain(t('summary:labels.because'));
    const order = ['story', 'nonPunishment', 'indicators', 'evidence', 'nextSteps'].map((s) => md.indexOf(`\n## ${t(`summary:sections.${s}`)}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
