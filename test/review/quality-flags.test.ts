import type { IndicatorCatalogue } from '../../src/protocol/schema';
import { qualityFlags } from '../../src/review/quality-flags';
import { at, record, taggedProtocol } from '../fixtures/records';

const src = [{ standard: 'test' }];
const catalogue: IndicatorCatalogue = {
  version: '1.0.0',
  indicators: [
    { id: 'strong-debt', categories: ['means.debt-bondage'], strength: 'strong', scenarios: ['general'], sources: src },
    { id: 'minor', categories: ['vulnerability.child'], strength: 'strong', scenarios: ['child'], sources: src },
  ],
};
const flagIds = (r: ReturnType<typeof record>) => qualityFlags(r, taggedProtocol, catalogue).map((f) => f.id).sort();

describe('quality flags', () => {
  const good = {
    trail: ['legal-status', 'safeguards', 'child-screen', 'consent-interview', 'account', 'recruitment', 'debts', 'referral', 'end'],
    answers: {
      'legal-status': { value: 'suspect', at: at(1) },
      safeguards: { value: 'yes', at: at(2) },
      'child-screen': { value: 'no', at: at(3) },
      'consent-interview': { value: 'yes', at: at(4) },
    },
    consent: { interview: { value: 'yes', at: at(4), stepId: 'consent-interview' } },
    notes: [{ id: 'n1', stepId: 'account', text: 'x', at: at(10) }],
    marks: { 'strong-debt': { status: 'confirmed' as const, stepId: 'debts', at: at(12) } },
  };

  it('raises nothing for a careful session', () => {
    expect(flagIds(record({}, good))).toEqual([]);
  });

  it('flags an account taken before consent to the interview was recorded', () => {
    expect(flagIds(record({}, { ...good, consent: { interview: { value: 'yes', at: at(20), stepId: 'consent-interview' } } }))).toEqual(['consent-missing-before-account']);
    expect(flagIds(record({}, { ...good, consent: {} }))).toEqual(['consent-missing-before-account']);
  });

  it('flags a suspect questioned before hearing the safeguards', () => {
    const answers = { ...good.answers, safeguards: { value: 'yes', at: at(30) } };
    expect(flagIds(record({}, { ...good, answers }))).toEqual(['questioned-before-safeguards']);
    const none = { ...good.answers } as Record<string, { value: string; at: string }>;
    delete none['safeguards'];
    expect(flagIds(record({}, { ...good, answers: none }))).toEqual(['questioned-before-safeguards']);
  });

  it('does not ask for safeguards when the person is a witness', () => {
    const answers = { ...good.answers, 'legal-status': { value: 'witness', at: at(1) } } as Record<string, { value: string; at: string }>;
    delete answers['safeguards'];
    expect(flagIds(record({}, { ...good, answers }))).toEqual([]);
  });

  it('flags signs of a minor without the child path', () => {
    const answers = { ...good.answers, 'child-screen': { value: 'unknown', at: at(3) } };
    expect(flagIds(record({}, { ...good, answers }))).toEqual(['minor-without-child-path']);
    expect(flagIds(record({}, { ...good, answers, trail: [...good.trail, 'child-path'] }))).toEqual([]);
    const marks = { ...good.marks, minor: { status: 'confirmed' as const, stepId: 'account', at: at(11) } };
    expect(flagIds(record({}, { ...good, marks }))).toEqual(['minor-without-child-path']);
  });

  it('flags a free account the person had to give twice', () => {
    expect(flagIds(record({}, { ...good, trail: [...good.trail, 'account'] }))).toEqual(['free-account-repeated']);
  });

  it('flags required steps that were skipped', () => {
    expect(flagIds(record({}, { ...good, skipped: ['debts'] }))).toEqual(['required-steps-skipped']);
  });

  it('flags strong indicators marked with no referral or next step recorded', () => {
    expect(flagIds(record({}, { ...good, trail: good.trail.filter((s) => s !== 'referral') }))).toEqual(['strong-indicators-without-referral']);
    expect(flagIds(record({}, { ...good, skipped: ['referral'] }))).toEqual(['strong-indicators-without-referral']);
  });
});
