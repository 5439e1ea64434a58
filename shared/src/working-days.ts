import { isIsoDate } from './id-number';

/**
 * The date `count` working days after `isoDate` (Monday to Friday; public holidays and
 * adjusted working weekends are not modelled — the guide's limit is "不超过30个工作日").
 */
export function addWorkingDays(isoDate: string, count: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count is a whole number of days');
  const day = new Date(`${isoDate}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}
