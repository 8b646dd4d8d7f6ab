import { IndicatorCatalogue, Protocol } from '../../src/protocol/schema';
import { SessionRecord, type ProtocolState } from '../../src/session/record';

/** Small hand-made content: a catalogue, an officer interview and a life-story intake. */
const src = [{ standard: 'Fixture' }];

export const catalogue = IndicatorCatalogue.parse({
  version: '0.9.0',
  indicators: [
    { id: 'rec-deception', categories: ['act.recruitment', 'means.deception'], strength: 'strong', scenarios: ['general'], sources: src },
    { id: 'rec-partner', categories: ['act.recruitment', 'purpose.forced-criminality'], strength: 'strong', scenarios: ['drug-transport'], sources: src },
    { id: 'means-threat-family', categories: ['means.threats-to-family'], strength: 'strong', scenarios: ['general'], sources: src },
    { id: 'means-debt', categories: ['means.debt-bondage'], strength: 'strong', scenarios: ['general'], sources: src },
    { id: 'transit-ingested', categories: ['scenario.drug-ingestion', 'act.transport'], strength: 'proposed-presumption', scenarios: ['drug-ingestion'], sources: src },
    { id: 'transit-airport', categories: ['scenario.drug-transport'], strength: 'strong', scenarios: ['drug-transport'], sources: src },
    { id: 'sell-micro', categories: ['scenario.drug-selling'], strength: 'strong', scenarios: ['drug-selling'], sources: src },
    { id: 'vuln-poverty', categories: ['vulnerability.poverty-dependants'], strength: 'contextual', scenarios: ['general'], sources: src },
    { id: 'vuln-prior-violence', categories: ['vulnerability.prior-violence'], strength: 'contextual', scenarios: ['general'], sources: src },
    { id: 'child-minor', categories: ['vulnerability.child'], strength: 'proposed-presumption', scenarios: ['child'], sources: src },
    { id: 'vuln-language', categories: ['vulnerability.language-barrier'], strength: 'contextual', scenarios: ['general'], sources: src },
  ],
});

export const interview = Protocol.parse({
  id: 'fixture-interview', version: '1.2.0', roles: ['officer'], sections: ['opening', 'account', 'closing'],
  steps: [
    { id: 'consent-interview', section: 'opening', kind: 'question', tags: ['consent'], consent: 'interview', answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'consent-sharing', section: 'opening', kind: 'question', tags: ['consent'], consent: 'sharing', answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'child-screen', section: 'opening', kind: 'question', tags: ['child-screen'], answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'free-account', section: 'account', kind: 'guidance', tags: ['free-account'], sources: src },
    { id: 'topic-recruitment', section: 'account', kind: 'questions', tags: ['topic'], indicators: ['rec-deception', 'rec-partner'], questions: [{ id: 'how', style: 'open' }], sources: src },
    { id: 'topic-control', section: 'account', kind: 'checklist', tags: ['topic'], indicators: ['means-threat-family', 'means-debt'], sources: src },
    { id: 'journey', section: 'account', kind: 'question', answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'topic-travel', section: 'account', kind: 'questions', tags: ['topic'], when: { answer: 'journey', is: 'yes' }, questions: [{ id: 'route', style: 'open' }], sources: src },
    { id: 'topic-money', section: 'account', kind: 'questions', tags: ['topic'], questions: [{ id: 'paid', style: 'open' }], sources: src },
    { id: 'free-detail', section: 'account', kind: 'question', answer: { type: 'text', maxLength: 500 }, sources: src },
    { id: 'referral', section: 'closing', kind: 'question', tags: ['referral'], answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'end', section: 'closing', kind: 'summary', sources: src },
  ],
});

export const lifeStory = Protocol.parse({
  id: 'life-story', version: '1.0.0', roles: ['defender'], sections: ['opening', 'story', 'criteria'],
  steps: [
    { id: 'consent-intake', section: 'opening', kind: 'question', tags: ['consent'], consent: 'intake', answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'age-band', section: 'opening', kind: 'question', tags: ['child-screen'], answer: { type: 'choice', options: ['under-18', 'adult', 'unknown'] }, sources: src },
    { id: 'timeline', section: 'story', kind: 'guidance', tags: ['timeline', 'free-account'], sources: src },
    { id: 'topic-recruitment', section: 'story', kind: 'checklist', tags: ['topic'], indicators: ['rec-deception', 'rec-partner'], sources: src },
    { id: 'topic-control', section: 'story', kind: 'checklist', tags: ['topic'], indicators: ['means-threat-family', 'means-debt'], sources: src },
    { id: 'topic-offence', section: 'story', kind: 'checklist', tags: ['topic'], indicators: ['transit-ingested', 'transit-airport', 'sell-micro'], sources: src },
    { id: 'np-victim', section: 'criteria', kind: 'question', tags: ['np-victim'], answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'np-link', section: 'criteria', kind: 'question', tags: ['np-link'], answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'crit-explain', section: 'criteria', kind: 'guidance', tags: ['np-criterion'], sources: src },
    { id: 'crit-child-automatic', section: 'criteria', kind: 'question', tags: ['np-criterion'], when: { answer: 'age-band', is: 'under-18' }, answer: { type: 'yes-no-unknown' }, sources: src },
    { id: 'crit-any-means', section: 'criteria', kind: 'question', tags: ['np-criterion'], indicators: ['means-threat-family', 'means-debt', 'rec-deception'], answer: { type: 'choice', options: ['supports', 'missing', 'against'] }, sources: src },
    { id: 'crit-no-imminence', section: 'criteria', kind: 'question', tags: ['np-criterion'], answer: { type: 'choice', options: ['supports', 'missing', 'against'] }, sources: src },
    { id: 'crit-vulnerability', section: 'criteria', kind: 'question', tags: ['np-criterion'], indicators: ['vuln-poverty', 'vuln-prior-violence', 'child-minor'], answer: { type: 'choice', options: ['supports', 'missing', 'against'] }, sources: src },
    { id: 'end', section: 'criteria', kind: 'summary', sources: src },
  ],
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
/** Minutes after the fixture start, as an ISO time. */
export const at = (min: number): string => new Date(T0 + min * 60_000).toISOString();

export function emptyState(protocol: Protocol): ProtocolState {
  return {
    protocolId: protocol.id, protocolVersion: protocol.version, cursor: protocol.steps[0]!.id, trail: [],
    answers: {}, skipped: [], marks: {}, notes: [], consent: {}, timeline: [], seq: 0,
  };
}

export function makeRecord(protocol: Protocol, state: Partial<ProtocolState>, over: Partial<SessionRecord> = {}): SessionRecord {
  return SessionRecord.parse({
    schemaVersion: 1,
    id: '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c1a7b',
    kind: protocol.id === 'life-story' ? 'defender' : 'officer',
    author: { id: 'u-ana', role: protocol.id === 'life-story' ? 'defender' : 'officer', office: 'office-1' },
    office: 'office-1',
    locale: 'es',
    status: 'in-progress',
    createdAt: at(0),
    updatedAt: at(90),
    state: { ...emptyState(protocol), ...state },
    ...over,
  });
}
