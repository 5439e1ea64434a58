import type { ErrorCode } from '@family-share/shared';

/** An expected business result: a value, or a stable code, so that the code survives process boundaries. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode): Outcome<T> => ({ ok: false, code });
