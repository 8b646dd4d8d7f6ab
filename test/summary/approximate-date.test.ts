import { approximateDate } from '../../src/summary/approximate-date';

const recorded = new Date('2026-03-15T10:00:00Z');
const month = (y: number, m: number): number => y * 12 + (m - 1);

describe('approximateDate', () => {
  it.each([
    ['2019', month(2019, 1)],
    ['marzo 2021', month(2021, 3)],
    ['marzo de 2021', month(2021, 3)],
    ['March 2021', month(2021, 3)],
    ['março de 2021', month(2021, 3)],
    ['2021-03', month(2021, 3)],
    ['en 2018', month(2018, 1)],
    ['hace 2 años', month(2024, 3)],
    ['hace un año', month(2025, 3)],
    ['hace 3 meses', month(2025, 12)],
    ['2 years ago', month(2024, 3)],
    ['há dois anos', month(2024, 3)],
  ])('reads "%s"', (text, expected) => {
    expect(approximateDate(text, recorded)).toBe(expected);
  });

  it('places a day inside its month', () => {
    const d = approximateDate('15/01/2024', recorded)!;
    expect(d).toBeGreaterThan(month(2024, 1));
    expect(d).toBeLessThan(month(2024, 2));
    expect(approximateDate('15 de enero de 2024', recorded)).toBe(d);
    expect(approximateDate('2024-01-15', recorded)).toBe(d);
  });

  it.each(['cuando era chica', 'después de eso', 'after 2019', 'antes del viaje de 2020', '', '13/2020'])(
    'leaves "%s" unplaced', (text) => {
      expect(approximateDate(text, recorded)).toBeNull();
    });
});
