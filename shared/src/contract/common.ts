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
export const YearSchema = z.coerce.number().int().min(2000).max(2100);
export const IsoDateTimeSchema = z.string().datetime({ offset: true });

/** Opaque identifiers that we mint: letters, digits, '-', '_' only. */
export const OpaqueIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Idempotency keys from clients (R17): 8–64 safe characters, e.g. a UUID. */
export const IdempotencyKeySchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const AccountChoiceSchema = z.enum(['own', 'authorizer']);

/** Cursor pagination: `cursor` is opaque, `limit` 1..100. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_:.-]*$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
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
