// The package's CommonJS build offers its functions on the default export only.
import chineseDays from 'chinese-days';
import { isIsoDate } from './id-number';

/**
 * The date `count` working days after `isoDate`, on China's official calendar: public holidays
 * are not working days, and the adjusted working weekends (调休上班) are. The calendar is the
 * maintained `chinese-days` package (the State Council's yearly notice, as data), not ours.
 * Used for the manual-reimbursement limit "不超过30个工作日" (000 一).
 *
 * A year the package has no data for yet falls back to Monday–Friday;
 * `holidayCalendarCovers(year)` tells whether a year is on the official calendar.
 *
 * Imported as `@family-share/shared/working-days`, not from the package's index: the calendar
 * data is the BFF's business and stays out of the mini-program's bundle.
 */
export function addWorkingDays(isoDate: string, count: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count is a whole number of days');
  const day = new Date(`${isoDate}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (chineseDays.isWorkday(day.toISOString().slice(0, 10))) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** Whether the official holiday arrangement of `year` is in the calendar data. */
export function holidayCalendarCovers(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}
