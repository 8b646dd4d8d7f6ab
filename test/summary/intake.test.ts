import { buildIntake } from '../../src/summary/intake';
import { renderIntakeCards, renderIntakeHtml, renderIntakeMarkdown } from '../../src/summary/intake-doc';
import { CARD_BYTE_LIMIT } from '../../src/summary/render-card';
import { courierIntake, microTraffickingIntake } from './cases';
import { catalogue, lifeStory } from './fixtures';
import { tFor } from './fixture-locales';

describe('buildIntake: a courier case', () => {
  const intake = buildIntake(courierIntake(), lifeStory, catalogue);

  it('puts the story in chronological order and keeps undated events in the order told', () => {
    expect(intake.story.map((e) => e.when)).toEqual(['2019', 'marzo 2021', '2021-06', '15/01/2024', 'hace 2 años']);
    expect(intake.undated.map((e) => e.when)).toEqual(['cuando era chica']);
  });

  it('reads the criteria one by one: what supports each and what is still missing', () => {
    const np = intake.nonPunishment!;
    expect(np.status).toBe('not-enough-information');
    expect(np.victim).toEqual({ stepId: 'np-victim', reading: 'supports', answer: 'yes' });
    expect(np.link).toEqual({ stepId: 'np-link', reading: 'missing', answer: 'unknown' });
    expect(np.criteria).toEqual([
      { stepId: 'crit-any-means', reading: 'supports', answer: 'supports', supportingIndicatorIds: ['means-threat-family', 'rec-deception'], openIndicatorIds: ['means-debt'], noteIds: ['n3'] },
      { stepId: 'crit-no-imminence', reading: 'missing', answer: null, supportingIndicatorIds: [], openIndicatorIds: [], noteIds: [] },
      { stepId: 'crit-vulnerability', reading: 'missing', answer: null, supportingIndicatorIds: ['vuln-poverty', 'vuln-prior-violence'], openIndicatorIds: ['child-minor'], noteIds: [] },
    ]);
  });

  it('derives the evidence worth requesting from what was found', () => {
    const ids = intake.evidence.map((e) => e.id);
    expect(ids).toEqual(['phone-records', 'travel-records', 'socio-environmental-report', 'medical-report', 'psychological-report', 'financial-records', 'prior-violence-records', 'network-investigation']);
    expect(intake.evidence.find((e) => e.id === 'medical-report')!.because).toEqual(['scenario.drug-ingestion']);
    expect(intake.summary.nextSteps).toEqual(expect.arrayContaining(['urgent-medical-check', 'assess-safety-risk', 'request-evidence']));
    expect(intake.summary.nextSteps).not.toContain('raise-non-punishment');
  });

  it('renders the intake in Spanish with the story, the criteria table and the evidence', () => {
    const md = renderIntakeMarkdown(intake, tFor('es'));
    const order = ['# Entrevista de historia de vida', '## La historia en orden', '## Lectura de no punición', '### Criterios uno por uno', '## Indicadores hallados', '## Pruebas que conviene solicitar'];
    const positions = order.map((h) => md.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('| Criterio | Respuesta | Qué lo respalda | Qué falta |');
    expect(md).toContain('| Cualquier medio de control basta | Lo respalda | Amenazas a su familia; Engañada sobre el trabajo o el viaje; N3 | — |');
    expect(md).toContain('| Vulnerabilidad de la persona | Aún falta | Pobreza e hijos a cargo; Violencia previa | Menor de 18 años |');
    expect(md.indexOf('Perdió el trabajo')).toBeLessThan(md.indexOf('Conoció a Carlos'));
    expect(md).toContain('| hace 2 años (≈ 2024) | Carlos le pidió llevar un paquete a Madrid. |');
    expect(md).toContain('Informe médico');
  });
});

describe('buildIntake: criteria that apply', () => {
  it('leaves out explanatory steps and criteria whose condition fails, and adds them when it holds', () => {
    const adult = courierIntake();
    adult.state.answers['age-band'] = { value: 'adult', at: adult.createdAt };
    const a = buildIntake(adult, lifeStory, catalogue);
    expect(a.nonPunishment!.criteria.map((c) => c.stepId)).toEqual(['crit-any-means', 'crit-no-imminence', 'crit-vulnerability']);
    expect(a.summary.nextSteps).not.toContain('child-specialist-and-guardian');
    const minor = courierIntake();
    minor.state.answers['age-band'] = { value: 'under-18', at: minor.createdAt };
    const m = buildIntake(minor, lifeStory, catalogue);
    expect(m.nonPunishment!.criteria.map((c) => c.stepId)).toEqual(['crit-child-automatic', 'crit-any-means', 'crit-no-imminence', 'crit-vulnerability']);
    expect(m.summary.nextSteps).toContain('child-specialist-and-guardian');
  });
});

describe('buildIntake: a micro-trafficking case', () => {
  const intake = buildIntake(microTraffickingIntake(), lifeStory, catalogue);

  it('orders the story and reads indications when both steps of the test are supported', () => {
    expect(intake.story.map((e) => e.when)).toEqual(['2018-05', 'agosto de 2020', '2022']);
    expect(intake.undated.map((e) => e.when)).toEqual(['después de eso']);
    expect(intake.nonPunishment!.status).toBe('indications-present');
    expect(intake.summary.nextSteps).toEqual(expect.arrayContaining(['raise-non-punishment', 'request-evidence']));
  });

  it('lists the suggested vulnerability apart and does not count it as support', () => {
    expect(intake.summary.suggested.map((e) => e.id)).toEqual(['vuln-poverty']);
    const vuln = intake.nonPunishment!.criteria.find((c) => c.stepId === 'crit-vulnerability')!;
    expect(vuln.supportingIndicatorIds).toEqual([]);
    expect(vuln.reading).toBe('missing');
    expect(intake.evidence.map((e) => e.id)).toEqual(['financial-records', 'network-investigation']);
    expect(intake.summary.uncovered).toEqual([{ stepId: 'topic-recruitment', section: 'story', reason: 'skipped' }]);
  });

  it.each(['es', 'en', 'pt'] as const)('renders the intake as HTML in %s with the statement at top and bottom', (lng) => {
    const t = tFor(lng);
    const html = renderIntakeHtml(intake, t);
    expect(html).toContain(`<html lang="${lng}">`);
    expect(html.split(t('summary:statement')).length - 1).toBe(2);
    expect(html).toContain(`<h2>${t('summary:sections.story')}</h2>`);
    expect(html).toContain(`<th>${t('summary:labels.criterion')}</th>`);
    expect(html).toContain(t('summary:evidence.financial-records.label'));
    const cards = renderIntakeCards(intake, t);
    for (const c of cards) {
      expect(JSON.stringify(c)).toContain(t('summary:statement'));
      expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(CARD_BYTE_LIMIT);
    }
    expect(JSON.stringify(cards)).toContain(t('summary:sections.story'));
  });
});
