import { BFF_RATE_LIMITS, type RateLimitName, type RateLimitSpec, type RateLimitSubject, type Result } from '@family-share/shared';
import { AppError } from '@family-share/shared/server-kit';
import type { Caller, RateLimits } from '../deps';

interface Counted {
  caller: Caller | undefined;
  ip: string;
}

/**
 * Whom a request is counted against: the address, the WeChat account, or the person number
 * (opaque, as in every BFF key); null when the caller has no person yet (its use case refuses
 * that with ECREDENTIAL_REQUIRED, which nothing needs to count).
 */
function subjectOf(per: RateLimitSubject, { caller, ip }: Counted): string | null {
  if (per === 'ip') return ip;
  if (per === 'openid') return caller?.openid ?? null;
  return caller?.personId ?? null;
}

/**
 * Applies an endpoint's declared limit (registry `rateLimit`) around its handler: after the
 * input is parsed (a malformed request costs nothing) and before the use case runs, with
 * 429 RATE_LIMITED, Retry-After and `retryAfterS` when it is reached. A point is taken first,
 * so that concurrent requests cannot all slip under the limit; with `givenBackOnRefusal` it
 * is given back when the use case refuses or throws. A limit `countedInUseCase` is left to it.
 */
export function withRateLimit<I extends Counted>(
  limits: RateLimits,
  name: RateLimitName,
  handle: (input: I) => Promise<Result<unknown>>,
): (input: I) => Promise<Result<unknown>> {
  const spec: RateLimitSpec = BFF_RATE_LIMITS[name];
  if (spec.countedInUseCase) return handle;
  return async (input) => {
    const subject = subjectOf(spec.per, input);
    if (subject === null) return handle(input);
    const limit = await limits.consume(name, subject);
    if (!limit.ok) throw new AppError('RATE_LIMITED', undefined, { retryAfterS: limit.retryAfterS });
    if (!spec.givenBackOnRefusal) return handle(input);
    let made = false;
    try {
      const result = await handle(input);
      made = result.ok;
      return result;
    } finally {
      if (!made) await limits.refund(name, subject);
    }
  };
}
