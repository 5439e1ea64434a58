/**
 * The error kit of the two Koa servers (the BFF and the simulated platform): the one thrown
 * error class and the one mapping of what a server may throw to a catalogue code; and the
 * parsing both do before connecting to Redis (a cluster URL, a script's key count).
 *
 * Imported as `@family-share/shared/server-kit`, not from the package's index: it is server
 * code (Redis error wording, Koa's status errors) that the mini-program's bundle must never
 * pull in.
 */
import { ERROR_CATALOGUE, type ErrorCode } from './errors';

export interface AppErrorOptions {
  /** Which fields of a request failed its schema (paths and messages only, never values). */
  issues?: Array<{ path: string; message: string }>;
  cause?: unknown;
  /** For a 429: when to try again (Retry-After and `retryAfterS` in the body). */
  retryAfterS?: number;
}

/**
 * The one error class: thrown for what is unexpected or cuts a request short (validation,
 * authentication, a limit, an unreachable service). Expected business failures are returned
 * as Result values instead.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].description,
    readonly options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

// ioredis's wording when it cannot reach Redis at all: refused or reset sockets, a connection
// closed (by QUIT or a lost server), the offline queue turned off while reconnecting, retries
// used up, and a cluster that cannot find any node. Node's socket codes also cover an
// unreachable HTTP service (e.g. the platform), which is the same 503 for the caller.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|Connection is closed|enableOfflineQueue|MaxRetriesPerRequest|Stream isn't writeable|ClusterAllFailedError|Failed to refresh slots cache|None of startup nodes is available/i;
// Redis's own replies while it cannot serve for a while: loading its data after a restart, a
// replica that lost its master or refuses writes (a failover in progress), a cluster without
// all its slots or moving one. Upper case and whole words, as Redis sends them (also inside
// ioredis's "Too many Cluster redirections. Last error: …"), so that a message which merely
// contains the word "loading" is not taken for one.
const NOT_SERVING = /\b(?:LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN)\b/;

/** Is this a failure to reach Redis (or a service), i.e. a 503 to try again rather than a 500? */
export function isRedisUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  const text = `${typeof name === 'string' ? name : ''} ${typeof message === 'string' ? message : ''}`;
  return UNREACHABLE.test(text) || NOT_SERVING.test(text);
}

/**
 * What both servers answer for anything thrown: an AppError as it is; Koa's body-parser
 * refusals (413, and 400/415/422 for a body that could not be read); Redis out of reach as
 * SERVICE_UNAVAILABLE; everything else INTERNAL, with the original as the cause.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = (error as { status?: unknown } | null | undefined)?.status;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 400 || status === 415 || status === 422) return new AppError('VALIDATION_FAILED', 'The request body could not be read.');
  if (isRedisUnavailable(error)) return new AppError('SERVICE_UNAVAILABLE', undefined, { cause: error });
  return new AppError('INTERNAL', undefined, { cause: error });
}

/**
 * The answer both servers give for an error: its status, the Retry-After seconds of a 429
 * (at least 1), and `{ error: { code, message, requestId, retryAfterS?, issues? } }` — never
 * a stack or a cause.
 */
export function errorAnswer(error: AppError, requestId: string) {
  const retryAfterS = error.options.retryAfterS === undefined ? undefined : Math.max(1, error.options.retryAfterS);
  return {
    status: error.status,
    retryAfterS,
    body: {
      error: {
        code: error.code,
        message: error.message,
        requestId,
        ...(retryAfterS !== undefined ? { retryAfterS } : {}),
        ...(error.options.issues ? { issues: error.options.issues } : {}),
      },
    },
  };
}

/**
 * The nodes of a Redis Cluster URL ("redis-cluster://host:port,host:port"), or null for any
 * other URL (a single Redis, which ioredis parses itself). Both servers take either form in
 * REDIS_URL; a node without a port is on Redis's 6379.
 */
export function redisClusterNodes(url: string): Array<{ host: string; port: number }> | null {
  const scheme = 'redis-cluster://';
  if (!url.startsWith(scheme)) return null;
  return url
    .slice(scheme.length)
    .split(',')
    .map((hostPort) => {
      const [host = '127.0.0.1', port = '6379'] = hostPort.split(':');
      return { host, port: Number(port) };
    });
}

/**
 * How many KEYS a Lua script takes, read from its header line "-- KEYS: 1 …, 2 …" (the highest
 * number named), so that the count registered with Redis cannot drift from the script. Every
 * script of both servers touches at least one key (a cluster routes it by that key), so a
 * script without the header is refused.
 */
export function luaKeyCount(name: string, source: string): number {
  const header = /^-- KEYS: (.*)$/m.exec(source)?.[1] ?? '';
  const keyCount = Math.max(0, ...[...header.matchAll(/(?:^|, )(\d+) /g)].map((m) => Number(m[1])));
  if (keyCount === 0) throw new Error(`script ${name} does not declare its KEYS`);
  return keyCount;
}
