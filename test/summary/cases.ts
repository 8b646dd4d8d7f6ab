import type { SessionRecord } from '../../src/session/record';
import { at, interview, lifeStory, makeRecord } from './fixtures';

/** An officer interview: an airport courier who swallowed capsules, recruited by deception. */
export function courierInterview(over: Partial<SessionRecord> = {}): SessionRecord {
  return makeRecord(interview, {
    cursor: 'journey',
    trail: ['consent-interview', 'consent-sharing', 'child-screen', 'free-account', 'topic-recruitment', 'topic-control', 'journey'],
    skipped: ['topic-control'],
    answers: {
      'consent-interview': { value: 'yes', at: at(1) }, 'consent-sharing': { value: 'no', at: at(2) },
      'child-screen': { value: 'no', at: at(3) }, journey: { value: 'yes', at: at(40) },
    },
    consent: {
      interview: { value: 'yes', at: at(1), stepId: 'consent-interview' },
      sharing: { value: 'no', at: at(2), stepId: 'consent-sharing' },
    },
    notes: [
      { id: 'n1', stepId: 'free-account', text: 'Llevaba cápsulas en el estómago; tenía dolor.', at: at(10) },
      { id: 'n2', stepId: 'topic-recruitment', text: 'Le dijeron que era un trabajo de limpieza en Madrid.', at: at(20) },
      { id: 'n3', stepId: 'free-account', text: 'Dice que su hija se quedó con "ellos".', at: at(12) },
      { id: 'n4', stepId: 'topic-recruitment', text: '', at: at(22), deleted: true, history: [{ action: 'deleted', at: at(23), by: 'u-ana' }] },
    ],
    marks: {
      'transit-ingested': { status: 'confirmed', stepId: 'free-account', at: at(11), noteIds: ['n1'] },
      'rec-deception': { status: 'confirmed', stepId: 'topic-recruitment', at: at(21), noteIds: ['n2', 'n4'] },
      'means-threat-family': { status: 'suggested', stepId: 'free-account', at: at(13), noteIds: ['n3'] },
      'vuln-poverty': { status: 'dismissed', stepId: 'free-account', at: at(14) },
    },
    seq: 4,
  }, over);
}

const story = (events: [string, string][], base: number) =>
  events.map(([when, text], i) => ({ id: `e${i + 1}`, when, text, at: at(base + i) }));

/** A defender's intake: a woman arrested at the airport carrying capsules for her partner's network. */
export function courierIntake(): SessionRecord {
  return makeRecord(lifeStory, {
    cursor: 'crit-no-imminence',
    trail: ['consent-intake', 'timeline', 'topic-recruitment', 'topic-control', 'topic-offence', 'np-victim', 'np-link', 'crit-any-means', 'crit-no-imminence'],
    answers: {
      'consent-intake': { value: 'yes', at: at(1) }, 'np-victim': { value: 'yes', at: at(60) },
      'np-link': { value: 'unknown', at: at(61) }, 'crit-any-means': { value: 'supports', at: at(62) },
    },
    consent: { intake: { value: 'yes', at: at(1), stepId: 'consent-intake' } },
    timeline: story([
      ['marzo 2021', 'Conoció a Carlos por Facebook.'],
      ['2019', 'Perdió el trabajo; dos hijos a cargo.'],
      ['hace 2 años', 'Carlos le pidió llevar un paquete a Madrid.'],
      ['cuando era chica', 'Su padre la golpeaba.'],
      ['2021-06', 'Empezaron las amenazas a su madre.'],
      ['15/01/2024', 'Detenida en el aeropuerto con cápsulas.'],
    ], 5),
    notes: [
      { id: 'n1', stepId: 'topic-recruitment', text: 'Carlos le prometió un trabajo en una limpieza.', at: at(20) },
      { id: 'n2', stepId: 'topic-control', text: 'Le mostraron fotos de la casa de su madre.', at: at(30) },
      { id: 'n3', stepId: 'crit-any-means', text: 'Las amenazas bastan como medio.', at: at(62) },
    ],
    marks: {
      'rec-deception': { status: 'confirmed', stepId: 'topic-recruitment', at: at(21) },
      'rec-partner': { status: 'confirmed', stepId: 'topic-recruitment', at: at(22) },
      'means-threat-family': { status: 'confirmed', stepId: 'topic-control', at: at(31) },
      'transit-ingested': { status: 'confirmed', stepId: 'topic-offence', at: at(40) },
      'transit-airport': { status: 'confirmed', stepId: 'topic-offence', at: at(41) },
      'vuln-poverty': { status: 'confirmed', stepId: 'timeline', at: at(12) },
      'vuln-prior-violence': { status: 'confirmed', stepId: 'timeline', at: at(13) },
    },
    seq: 10,
  });
}

/** A defender's intake: a trans woman selling small amounts to pay a "debt" for her room. */
export function microTraffickingIntake(): SessionRecord {
  return makeRecord(lifeStory, {
    cursor: null,
    trail: ['consent-intake', 'timeline', 'topic-recruitment', 'topic-control', 'topic-offence', 'np-victim', 'np-link', 'crit-any-means', 'crit-no-imminence', 'crit-vulnerability', 'end'],
    skipped: ['topic-recruitment'],
    answers: {
      'consent-intake': { value: 'yes', at: at(1) }, 'np-victim': { value: 'yes', at: at(60) }, 'np-link': { value: 'yes', at: at(61) },
      'crit-any-means': { value: 'supports', at: at(62) }, 'crit-no-imminence': { value: 'supports', at: at(63) },
      'crit-vulnerability': { value: 'missing', at: at(64) },
    },
    consent: { intake: { value: 'yes', at: at(1), stepId: 'consent-intake' } },
    timeline: story([
      ['2022', 'Detenida vendiendo en la esquina.'],
      ['agosto de 2020', 'Le ofrecieron un cuarto a cambio de vender.'],
      ['después de eso', 'La deuda crecía cada semana.'],
      ['2018-05', 'Llegó a la ciudad tras ser expulsada de casa.'],
    ], 5),
    notes: [
      { id: 'n1', stepId: 'topic-control', text: 'La deuda por el cuarto nunca bajaba.', at: at(30) },
      { id: 'n2', stepId: 'topic-offence', text: 'Le quitaban lo que ganaba al final del día.', at: at(40) },
    ],
    marks: {
      'means-debt': { status: 'confirmed', stepId: 'topic-control', at: at(31), noteIds: ['n1'] },
      'sell-micro': { status: 'confirmed', stepId: 'topic-offence', at: at(41) },
      'vuln-poverty': { status: 'suggested', stepId: 'timeline', at: at(12) },
    },
    seq: 6,
  }, { status: 'completed' });
}
