import { LOG_CENSOR, LOG_REDACT_PATHS, safeError } from '@family-share/shared';
import pino, { type DestinationStream, type Logger } from 'pino';
import { faceHttp } from './adapters/face-http';
import { hmacInvitationLinks } from './adapters/invitation-links';
import { jwtTokens } from './adapters/jwt-tokens';
import { platformHttp } from './adapters/platform-http';
import { redisRateLimits } from './adapters/rate-limits';
import { BffRedisStores, connectBffRedis, type RedisLike } from './adapters/redis-stores';
import { redisSubscriptionStore } from './adapters/redis/subscriptions';
import { wechatHttp } from './adapters/wechat-http';
import { wechatAccessToken } from './adapters/wechat-token';
import type { BffDeps } from './deps';
import type { BffConfig } from './env';

/**
 * Logs never carry names, ID numbers, tokens or Redis commands, even when an object with them
 * slips in or an error carries its request (issue 9 item 5; the rules live in shared).
 */
export function createLogger(level: BffConfig['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_CENSOR },
    serializers: { err: safeError, error: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The one place where real adapters are wired to the ports (adapters behind ports, so tests can pass their own). */
export function wireDeps(config: BffConfig, log: Logger, overrides: Partial<BffDeps> = {}): { deps: BffDeps; redis: RedisLike } {
  const redis = connectBffRedis(config.redisUrl);
  const stores = new BffRedisStores(redis, config.prefix);
  const clock = overrides.clock ?? Date.now;
  // One access_token for WeChat's server API, 人脸核身 included (FACE_URL is WeChat's API base in production).
  const accessToken = wechatAccessToken(config.wechat);
  const deps: BffDeps = {
    platform: platformHttp(config.platform),
    wechat: wechatHttp({ ...config.wechat, accessToken }),
    face: faceHttp({ url: config.face.url, accessToken }),
    sessions: stores.sessions,
    faces: stores.faces,
    commitments: stores.commitments,
    invitations: stores.invitations,
    inbox: stores.inbox,
    home: stores.home,
    idempotency: stores.idempotency,
    subscriptions: redisSubscriptionStore(redis, stores.keys),
    invitationLinks: hmacInvitationLinks(config.jwtSecret),
    openids: stores.openids,
    tokens: jwtTokens({ secret: config.jwtSecret, ttlS: config.accessTtlS }),
    limits: redisRateLimits(redis, stores.keys, clock, config.rateLimitScale),
    clock,
    log,
    config: {
      demo: config.demo,
      policy: config.policy,
      accessTtlS: config.accessTtlS,
      refreshTtlS: config.refreshTtlS,
      corsOrigins: config.corsOrigins,
      h5Dist: config.h5Dist,
    },
    async redisHealthy() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    ...overrides,
  };
  return { deps, redis };
}
