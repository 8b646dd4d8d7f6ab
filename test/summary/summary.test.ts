import { buildSummary } from '../../src/summary/summary';
import { renderSummaryCards } from '../../src/summary/render-card';
import { renderSummaryHtml } from '../../src/summary/render-html';
import { renderSummaryMarkdown } from '../../src/summary/render-markdown';
import { courierInterview } from './cases';
import { at, catalogue, interview, makeRecord } from './fixtures';
import { tFor } from './fixture-locales';

describe('buildSummary', () => {
  const summary = buildSummary(courierInterview(), interview, catalogue);

  it('groups confirmed indicators by element, then by category, in element order', () => {
    expect(summary.groups).toEqual([
      { element: 'act', categories: [{ category: 'act.recruitment', indicatorIds: ['rec-deception'] }, { category: 'act.transport', indicatorIds: ['transit-ingested'] }] },
      { element: 'means', categories: [{ category: 'means.deception', indicatorIds: ['rec-deception'] }] },
      { element: 'scenario', categories: [{ category: 'scenario.drug-ingestion', indicatorIds: ['transit-ingested'] }] },
    ]);
  });

  it('links each indicator to its marked notes and the notes written on its step, leaving deleted notes out', () => {
    const byId = Object.fromEntries(summary.confirmed.map((e) => [e.id, e]));
    expect(byId['transit-ingested']!.noteIds).toEqual(['n1', 'n3']);
    expect(byId['rec-deception']!.noteIds).toEqual(['n2']);
    expect(summary.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
  });

  it('lists suggested indicators apart from confirmed ones and leaves dismissed ones out', () => {
    expect(summary.confirmed.map((e) => e.id)).toEqual(['transit-ingested', 'rec-deception']);
    expect(summary.suggested.map((e) => e.id)).toEqual(['means-threat-family']);
    expect(summary.groups.flatMap((g) => g.categories.flatMap((c) => c.indicatorIds))).not.toContain('means-threat-family');
    expect(JSON.stringify(summary)).not.toContain('vuln-poverty');
  });

  it('reports skipped topics and applicable topics never reached, but not topics whose condition fails', () => {
    expect(summary.uncovered).toEqual([
      { stepId: 'topic-control', section: 'account', reason: 'skipped' },
      { stepId: 'topic-travel', section: 'account', reason: 'not-reached' },
      { stepId: 'topic-money', section: 'account', reason: 'not-reached' },
    ]);
    const noJourney = courierInterview();
    noJourney.state.answers.journey = { value: 'no', at: at(40) };
    expect(buildSummary(noJourney, interview, catalogue).uncovered.map((u) => u.stepId)).toEqual(['topic-control', 'topic-money']);
  });

  it('keeps the consent record item by item and carries the metadata and the indicative flag', () => {
    expect(summary.consent).toEqual([
      { item: 'interview', value: 'yes', at: at(1), stepId: 'consent-interview' },
      { item: 'sharing', value: 'no', at: at(2), stepId: 'consent-sharing' },
    ]);
    expect(summary).toMatchObject({ protocolId: 'fixture-interview', protocolVersion: '1.2.0', catalogueVersion: '0.9.0', locale: 'es', indicative: true, createdAt: at(0), updatedAt: at(90) });
    expect(summary.nonPunishment).toBeNull();
  });

  it('recommends next steps from the record: medical check for ingestion, referral when none is recorded', () => {
    expect(summary.nextSteps).toEqual(['urgent-medical-check', 'refer-specialised-unit', 'review-suggested-indicators', 'cover-remaining-topics', 'submit-for-review']);
    const referred = courierInterview();
    referred.state.answers.referral = { value: 'yes', at: at(80) };
    expect(buildSummary(referred, interview, catalogue).nextSteps).not.toContain('refer-specialised-unit');
  });

  it('asks for child specialists when the child screen is unsure, and for consent when an item is missing', () => {
    const r = courierInterview();
    r.state.answers['child-screen'] = { value: 'unknown', at: at(3) };
    delete r.state.consent.sharing;
    const steps = buildSummary(r, interview, catalogue).nextSteps;
    expect(steps).toContain('child-specialist-and-guardian');
    expect(steps).toContain('record-consent');
  });

  it('keeps an indicator missing from the catalogue instead of dropping it', () => {
    const r = courierInterview();
    r.state.marks['old-indicator'] = { status: 'confirmed', stepId: 'free-account', at: at(50) };
    const s = buildSummary(r, interview, catalogue);
    expect(s.confirmed.find((e) => e.id === 'old-indicator')).toMatchObject({ categories: [], strength: null });
  });

  it('gives identical data whatever the session language, and rendering in any language changes nothing', () => {
    const strip = (lng: string) => {
      const { locale, ...rest } = buildSummary(courierInterview({ locale: lng }), interview, catalogue);
      return { locale, rest };
    };
    const es = strip('es'); const en = strip('en'); const pt = strip('pt');
    expect(en.rest).toEqual(es.rest);
    expect(pt.rest).toEqual(es.rest);
    const before = structuredClone(summary);
    for (const lng of ['es', 'en', 'pt'] as const) {
      renderSummaryCards(summary, tFor(lng)); renderSummaryMarkdown(summary, tFor(lng)); renderSummaryHtml(summary, tFor(lng));
    }
    expect(summary).toEqual(before);
  });

  it('summarises an empty session without failing', () => {
    const s = buildSummary(makeRecord(interview, {}), interview, catalogue);
    expect(s.confirmed).toEqual([]);
    expect(s.nextSteps).toEqual(['record-consent', 'cover-remaining-topics', 'submit-for-review']);
  });
});
