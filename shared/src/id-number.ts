/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit
 * birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */

export type IdNumberProblem = 'LENGTH' | 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECKSUM';

export interface IdNumberFacts {
  /** The 6-digit area code of the place of first registration. */
  region: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
}

export type ParsedIdNumber = ({ ok: true } & IdNumberFacts) | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes (the first two digits) in use. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82',
]);

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('the check character needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Is YYYYMMDD a real calendar date (1900 or later)? Returns it as YYYY-MM-DD or null. */
export function compactDateToIso(compact: string): string | null {
  if (!/^\d{8}$/.test(compact)) return null;
  const year = Number(compact.slice(0, 4));
  const month = Number(compact.slice(4, 6));
  const day = Number(compact.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Upper-cases a trailing x, trims spaces: what people type vs what the registry stores. */
export function normalizeIdNumber(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Parses and validates an ID number. With `today` (YYYY-MM-DD), a birth date after that
 * day is refused too.
 */
export function parseIdNumber(text: string, today?: string): ParsedIdNumber {
  const id = normalizeIdNumber(text);
  if (id.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'FORMAT' };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, problem: 'REGION' };
  const birthDate = compactDateToIso(id.slice(6, 14));
  if (birthDate === null || (today !== undefined && birthDate > today)) {
    return { ok: false, problem: 'BIRTH_DATE' };
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'CHECKSUM' };
  return {
    ok: true,
    region: id.slice(0, 6),
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(text: string, today?: string): boolean {
  return parseIdNumber(text, today).ok;
}

/**
 * The birth date written in an ID number, as YYYY-MM-DD, without checking the rest of it.
 * The rules use this: by the time they run, the registry has vouched for the number.
 * Throws a RangeError when positions 7-14 are not a real date.
 */
export function birthDateOf(id: string): string {
  const iso = compactDateToIso(id.slice(6, 14));
  if (iso === null) throw new RangeError(`no birth date can be read from ID number ${maskIdNumber(id)}`);
  return iso;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && compactDateToIso(`${match[1]}${match[2]}${match[3]}`) !== null;
}

/**
 * Age in whole years on `day` (both YYYY-MM-DD): a person is 16 from their 16th birthday on.
 * Someone born on 29 February has their birthday on 1 March in common years.
 */
export function ageOn(birthDate: string, day: string): number {
  if (!isIsoDate(birthDate) || !isIsoDate(day)) {
    throw new RangeError(`dates must be real YYYY-MM-DD dates: ${birthDate}, ${day}`);
  }
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const birthdayNotYetReached = day.slice(5) < birthDate.slice(5);
  return years - (birthdayNotYetReached ? 1 : 0);
}

/** For display to other people: 540102199001011013 → 5401**********1013. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * For display to other people: 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明.
 * Counts characters, not UTF-16 units, so rare characters outside the BMP are safe.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Builds a valid ID number from its parts, the check character computed: for demo data and
 * tests. `sequence` is 0..999; an odd one is a man's.
 */
export function composeIdNumber(region: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError('region must be 6 digits');
  if (!isIsoDate(birthDate)) throw new RangeError('birthDate must be YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError('sequence is 0..999');
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}
