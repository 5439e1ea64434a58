import { describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth, chinaMonthRange } from '../src';
import { addWorkingDays, holidayCalendarCovers } from '../src/working-days';

describe('manual reimbursement: the 30-working-day limit (000 一), on the official calendar', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday → Monday
    ['2026-11-21', 1, '2026-11-23'], // Saturday → Monday
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('when a claim is filed on %s, then %i working days later is %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });

  it.each([
    // Spring Festival 2026: 15–23 February off; Saturday 14 and Saturday 28 February are worked.
    ['2026-02-13', 1, '2026-02-14', 'the adjusted working Saturday before the holiday counts'],
    ['2026-02-14', 1, '2026-02-24', 'the nine holiday days do not count'],
    ['2026-02-13', 6, '2026-02-28', 'the adjusted working Saturday after the holiday counts'],
    // Mid-Autumn 25–27 September and National Day 1–7 October 2026; Sunday 20 September and
    // Saturday 10 October are worked.
    ['2026-09-18', 1, '2026-09-20', 'the adjusted working Sunday counts'],
    ['2026-09-30', 1, '2026-10-08', 'the National Day week does not count'],
    ['2026-10-08', 2, '2026-10-10', 'the adjusted working Saturday after National Day counts'],
  ])('when a claim is filed on %s, then %i working days later is %s (%s)', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });

  it('when a claim filed before the Spring Festival runs 30 working days, then the deadline moves past the holiday', () => {
    // Weekdays alone would give 2026-03-02; the holiday takes seven weekdays, two Saturdays are worked.
    expect(addWorkingDays('2026-01-19', 30)).toBe('2026-03-06');
  });

  it('when the calendar data is asked about, then 2026 is on the official calendar', () => {
    expect(holidayCalendarCovers(2026)).toBe(true);
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
