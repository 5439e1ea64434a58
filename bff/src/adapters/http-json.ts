import { isErrorCode, type ErrorCode } from '@family-share/shared';
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { AppError } from '../http/app-error';

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * Kept-alive connections to the outside services, with undici's request API rather than
 * fetch: fetch measured about twice the CPU per call (bench/), and the BFF makes several
 * such calls per page. A GET (a read) is sent once more if the kept-alive socket was closed
 * under it; anything else reports the failure and is retried by its caller with its
 * idempotency key.
 */
const dispatcher: Dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 64 }).compose(
  interceptors.retry({ maxRetries: 1, methods: ['GET'], minTimeout: 0, timeoutFactor: 1, statusCodes: [] }),
);

/**
 * One JSON call to an outside service on loopback, with a timeout. A network failure, a
 * timeout or a 5xx means the service is unavailable: SERVICE_UNAVAILABLE (503), which heals
 * by itself when the service returns.
 */
export async function callJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<JsonResponse> {
  const timeout = init.timeoutMs ?? 5_000;
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'An outside service did not answer.', { cause: error });
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new AppError('SERVICE_UNAVAILABLE', 'An outside service answered with something that is not JSON.', { cause: error });
  }
  if (status >= 500) {
    throw new AppError('SERVICE_UNAVAILABLE', `An outside service failed (${status}).`, { cause: body });
  }
  return { status, body };
}

/** The stable code inside a `{ error: { code } }` answer, or null. */
export function errorCodeOf(body: unknown): ErrorCode | null {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return isErrorCode(code) ? code : null;
}
