import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../src';

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
