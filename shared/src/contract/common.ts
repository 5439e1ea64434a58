/**
 * Building blocks of the API contract, shared by the mini-program, the BFF and the platform.
 * Every input from outside is parsed with these; types come from z.infer, never retyped.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors';
import { isIsoDate, normalizeIdNumber, parseIdNumber } from '../id-number';
import { RELATIONS } from '../policy';

/** Integer fen, >= 0, safe. */
export const FenSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A valid 18-character resident ID number (GB 11643), normalised to upper-case X. */
export const IdNumberSchema = z
  .string()
  .max(32)
  .transform(normalizeIdNumber)
  .refine((id) => parseIdNumber(id).ok, { message: 'not a valid resident ID number' });

/** A person's registered name: Han or Tibetan script, with the middle dot of transliterated names. */
export const PersonNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(30)
  .regex(/^[\p{Script=Han}\p{Script=Tibetan}·•]+$/u, 'a name in Chinese characters');

export const RelationSchema = z.enum(RELATIONS);

export const InsuranceSchema = z.enum(['employee', 'resident']);
export const PersonStatusSchema = z.enum(['active', 'suspended', 'terminated']);
export const RegionCodeSchema = z.string().regex(/^\d{6}$/);

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'a YYYY-MM-DD date' });
/** A calendar month, YYYY-MM. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a YYYY-MM month');
/** A year in a JSON body: a number, never a string, an array or an expression of one (outside input is never coerced: issue 9 item 6). */
export const YearSchema = z.number().int().min(2000).max(2100);

/**
 * A whole number written in a query string or a path: a digit pattern first, then a number
 * (never coerced). z.coerce read `[2026]`, `"0x7EA"`, `" 2026 "` and `"2.026e3"` as 2026.
 */
export const digitsOf = <S extends z.ZodType<number, number>>(maxDigits: number, then: S) =>
  z.string().regex(new RegExp(`^\\d{1,${maxDigits}}$`), 'digits only').transform(Number).pipe(then);

/** A year in a query string or a path. */
export const YearTextSchema = digitsOf(4, YearSchema);

/** `limit` of a page in a query string: digits, 1..max, `fallback` when absent. */
export const limitQuery = (max: number, fallback = 20) => digitsOf(3, z.number().int().min(1).max(max)).default(fallback);
export const IsoDateTimeSchema = z.string().datetime({ offset: true });

/** Opaque identifiers that we mint: letters, digits, '-', '_' only. */
export const OpaqueIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * A person number (人员编号, the national psn_no): how the platform and the BFF name a person
 * in keys, ids, paths and logs (issue 9 item 5). Assigned by the platform at random when the
 * person is created: no birth date, no region, no sequence an outsider could walk. The ID
 * number stays a fact of the person, never an identifier.
 */
export const PsnNoSchema = z.string().regex(/^P[0-9A-F]{16}$/);

/**
 * A Redis stream entry id as our cursors carry it: milliseconds-sequence, both in range, and
 * never 0-0 (no entry has it, and an exclusive range from it is an error in Redis).
 */
export const STREAM_ID_PATTERN = '[1-9]\\d{0,14}-\\d{1,10}';
export const StreamIdSchema = z.string().regex(new RegExp(`^${STREAM_ID_PATTERN}$`), 'a stream entry id');

/** Idempotency keys from clients (R17): 8–64 safe characters, e.g. a UUID. */
export const IdempotencyKeySchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const AccountChoiceSchema = z.enum(['own', 'authorizer']);

/** Cursor pagination: `cursor` is opaque, `limit` 1..100. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_:.-]*$/).optional(),
  limit: limitQuery(100),
});

export const ErrorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

/** The body of every error answer. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    requestId: z.string().optional(),
    /** With a 429: seconds until the person may try again (the mini-program words the time). */
    retryAfterS: z.number().int().min(1).optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The issues of a failed parse, as plain data for an error body (no values echoed back). */
export function describeIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
