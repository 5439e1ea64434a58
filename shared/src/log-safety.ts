/**
 * What the logs of the BFF and the stand-ins may carry (issue 9 item 5): never an ID number,
 * a name, a token or a Redis command. Plain data for any logger (pino takes it as options),
 * so that every process logs through the same rules.
 */

/** Fields replaced by the censor wherever they appear one level down in a logged object. */
export const LOG_REDACT_PATHS: readonly string[] = [
  '*.idNumber', '*.name', '*.token', '*.accessToken', '*.refreshToken', '*.faceTicket', '*.authorization',
  'req.headers.authorization', '*.headers.authorization', '*.openid', '*.childIdNumber', '*.childName',
  '*.cardHolderIdNumber', '*.beneficiaryName', '*.authorizerName', '*.cert_no', '*.certno', '*.user_name',
];

export const LOG_CENSOR = '[redacted]';

/** A full resident ID number anywhere in a text (18 characters, the last a digit or X), even run into letters. */
const ID_NUMBER_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** Replaces every ID-number-shaped run in a text; used on error messages and stacks. */
export function redactIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, LOG_CENSOR);
}

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  status?: number;
  cause?: SafeError;
}

/**
 * An error as a log line may show it. Only type, message, stack, code and status are kept:
 * ioredis errors carry `command` ({ name, args }: the keys and values of the command) and
 * `previousErrors`, HTTP clients carry request options and bodies — none of that is copied.
 * ID-number-shaped text in the message and stack is censored too (a Lua error_reply or a
 * library may quote a value).
 */
export function safeError(raw: unknown, depth = 0): SafeError {
  if (!(raw instanceof Error)) {
    return { type: typeof raw, message: redactIdNumbers(typeof raw === 'string' ? raw : 'non-error thrown') };
  }
  const withFields = raw as Error & { code?: unknown; status?: unknown; statusCode?: unknown; cause?: unknown };
  const out: SafeError = { type: raw.constructor?.name || raw.name || 'Error', message: redactIdNumbers(raw.message) };
  if (raw.stack) out.stack = redactIdNumbers(raw.stack);
  if (typeof withFields.code === 'string' || typeof withFields.code === 'number') out.code = withFields.code;
  const status = typeof withFields.status === 'number' ? withFields.status : withFields.statusCode;
  if (typeof status === 'number') out.status = status;
  if (withFields.cause !== undefined && depth < 3) out.cause = safeError(withFields.cause, depth + 1);
  return out;
}
