import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, chinaMonth, chinaMonthRange } from '../src';

describe('manual reimbursement: the 30-working-day limit (000 一)', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday → Monday
    ['2026-11-21', 1, '2026-11-23'], // Saturday → Monday
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-23', 30, '2027-01-04'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('when a claim is filed on %s, then %i working days later is %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });
  it('when the date or count is bad, then RangeError', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-03', -1)).toThrow(RangeError);
  });
});

describe('China Standard Time', () => {
  it('when it is 16:00 UTC on 22 November, then it is already the 23rd in Lhasa and Beijing', () => {
    expect(chinaDate(Date.UTC(2026, 10, 22, 16, 0))).toBe('2026-11-23');
    expect(chinaDate(Date.UTC(2026, 10, 22, 15, 59))).toBe('2026-11-22');
    expect(chinaMonth(Date.UTC(2026, 10, 30, 16, 0))).toBe('2026-12');
  });
  it('when a month is asked for, then its range starts at midnight China time', () => {
    const [start, end] = chinaMonthRange('2026-12');
    expect(chinaDate(start)).toBe('2026-12-01');
    expect(chinaDate(start - 1)).toBe('2026-11-30');
    expect(chinaDate(end)).toBe('2027-01-01');
  });
});
