import { LOG_CENSOR, LOG_REDACT_PATHS, safeError } from '@family-share/shared';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The stand-ins' logger: the same rules as the BFF's (no ID number, name, token or Redis
 * command in a line; issue 9 item 5), whatever a use case or a library error hands it.
 */
export function createMocksLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_CENSOR },
    serializers: { err: safeError, error: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
