import { holds, references } from '../../src/protocol/conditions';
import type { Condition } from '../../src/protocol/schema';

const at = '2026-01-01T00:00:00.000Z';
const known = {
  answers: { status: { value: 'detained', at }, consent: { value: 'yes', at } },
  marks: {
    debt: { status: 'confirmed' as const, stepId: 's', at },
    docs: { status: 'suggested' as const, stepId: 's', at },
  },
};

describe('conditions', () => {
  it.each<[Condition, boolean]>([
    [{ answer: 'status', is: 'detained' }, true],
    [{ answer: 'status', is: 'witness' }, false],
    [{ answer: 'missing', is: 'x' }, false],
    [{ answer: 'status', in: ['suspect', 'detained'] }, true],
    [{ answer: 'missing', in: ['x'] }, false],
    [{ answered: 'consent' }, true],
    [{ answered: 'missing' }, false],
    [{ marked: 'debt' }, true],
    [{ marked: 'docs' }, false],
    [{ markedAnyIn: ['docs', 'debt'] }, true],
    [{ markedAnyIn: ['docs', 'other'] }, false],
    [{ all: [{ answered: 'consent' }, { marked: 'debt' }] }, true],
    [{ all: [{ answered: 'consent' }, { marked: 'docs' }] }, false],
    [{ any: [{ marked: 'docs' }, { answer: 'consent', is: 'yes' }] }, true],
    [{ not: { marked: 'docs' } }, true],
    [{ not: { any: [{ marked: 'debt' }] } }, false],
  ])('evaluates %j as %s (a suggestion is not a mark)', (c, expected) => {
    expect(holds(c, known)).toBe(expected);
  });

  it('lists the steps and indicators a nested condition refers to', () => {
    const c: Condition = { all: [{ answer: 'a', is: 'yes' }, { not: { markedAnyIn: ['x', 'y'] } }, { any: [{ answered: 'b' }, { marked: 'z' }] }] };
    expect(references(c)).toEqual({ steps: ['a', 'b'], indicators: ['x', 'y', 'z'] });
  });
});
