import { isErrorCode, type ErrorCode } from '@family-share/shared';
import { AppError } from '../http/app-error';

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * One JSON call to an outside service on loopback, with a timeout. A network failure, a
 * timeout or a 5xx means the service is unavailable: SERVICE_UNAVAILABLE (503), which heals
 * by itself when the service returns.
 */
export async function callJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
    });
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'An outside service did not answer.', { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'An outside service answered with something that is not JSON.', { cause: error });
  }
  if (response.status >= 500) {
    throw new AppError('SERVICE_UNAVAILABLE', `An outside service failed (${response.status}).`, { cause: body });
  }
  return { status: response.status, body };
}

/** The stable code inside a `{ error: { code } }` answer, or null. */
export function errorCodeOf(body: unknown): ErrorCode | null {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return isErrorCode(code) ? code : null;
}
