/**
 * The insured live on China Standard Time (UTC+8, no daylight saving): days, months and ages
 * are counted in it, whatever the server's zone.
 */
const CST_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD in China time. */
export function chinaDate(epochMs: number): string {
  return new Date(epochMs + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM in China time. */
export function chinaMonth(epochMs: number): string {
  return chinaDate(epochMs).slice(0, 7);
}

/** [start, end) of a YYYY-MM month in China time, as epoch milliseconds. */
export function chinaMonthRange(month: string): [number, number] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(year, mon - 1, 1) - CST_OFFSET_MS, Date.UTC(year, mon, 1) - CST_OFFSET_MS];
}
