/**
 * Money is integer fen (分) from end to end; yuan exist only when talking to a person.
 * Nothing here goes through floating-point arithmetic on fractional values.
 */

/** An amount of money in fen: an integer >= 0 (and a safe integer). */
export type Fen = number;

export const FEN_PER_YUAN = 100;

/** A yuan amount written for people never needs more than this (a billion yuan). */
const MAX_PARSE_FEN = 100_000_000_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Throws a RangeError naming `what` unless `value` is a valid amount in fen. */
export function assertFen(value: unknown, what = 'amount'): asserts value is Fen {
  if (!isFen(value)) {
    throw new RangeError(`${what} must be a non-negative safe integer of fen, got ${String(value)}`);
  }
}

/** Yuan without the currency sign, grouped by thousands: 123456 → "1,234.56". */
export function formatYuanPlain(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${String(cents).padStart(2, '0')}`;
}

/** For people: 123456 → "¥1,234.56"; a negative amount (a refund, a delta) → "-¥12.00". */
export function formatYuan(fen: number): string {
  const plain = formatYuanPlain(fen);
  return plain.startsWith('-') ? `-¥${plain.slice(1)}` : `¥${plain}`;
}

const YUAN_PATTERN = /^(?:¥|￥)?\s*((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person typed in yuan ("1234.5", "1,234.56", "¥30") into fen, exactly, by
 * reading the digits — never through a float. Returns null for anything else, including
 * negative amounts, more than two decimals and absurdly large figures.
 */
export function parseYuan(text: string): Fen | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return null;
  const wholeDigits = (match[1] ?? '').replace(/,/g, '');
  const centDigits = (match[2] ?? '').padEnd(2, '0');
  if (wholeDigits.length > 12) return null;
  const fen = Number(wholeDigits) * FEN_PER_YUAN + Number(centDigits);
  return fen <= MAX_PARSE_FEN ? fen : null;
}

/** Adds amounts of fen, refusing anything that is not one. */
export function sumFen(amounts: Iterable<number>): Fen {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
  }
  assertFen(total, 'sum');
  return total;
}
