import type { ErrorCode } from './errors';

/**
 * The one result type of every package: an expected business outcome is a value or a stable
 * catalogue code, returned (never thrown), so that the code survives process boundaries
 * (platform → BFF → mini-program). What is unexpected or cuts a request short is thrown.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode): Result<T> => ({ ok: false, code });
