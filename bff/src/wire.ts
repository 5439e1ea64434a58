import pino, { type Logger } from 'pino';
import { faceHttp } from './adapters/face-http';
import { hmacInvitationLinks } from './adapters/invitation-links';
import { jwtTokens } from './adapters/jwt-tokens';
import { platformHttp } from './adapters/platform-http';
import { redisRateLimits } from './adapters/rate-limits';
import { BffRedisStores, connectBffRedis, type RedisLike } from './adapters/redis-stores';
import { redisSubscriptionStore } from './adapters/subscription-store';
import { wechatHttp } from './adapters/wechat-http';
import { wechatAccessToken } from './adapters/wechat-token';
import type { BffDeps } from './deps';
import type { BffConfig } from './env';

/** Logs never carry names, ID numbers or tokens, even when an object with them slips in. */
export function createLogger(level: BffConfig['logLevel'], destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        '*.idNumber', '*.name', '*.token', '*.accessToken', '*.refreshToken', '*.faceTicket', '*.authorization',
        'req.headers.authorization', '*.headers.authorization', '*.openid', '*.childIdNumber', '*.childName',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The one place where real adapters are wired to the ports (STYLE 4). */
export function wireDeps(config: BffConfig, log: Logger, overrides: Partial<BffDeps> = {}): { deps: BffDeps; redis: RedisLike } {
  const redis = connectBffRedis(config.redisUrl);
  const stores = new BffRedisStores(redis, config.prefix);
  const clock = overrides.clock ?? Date.now;
  const openidKey = (personId: string) => `${config.prefix}{p:${personId}}:openid`;
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
    idempotency: stores.idempotency,
    subscriptions: redisSubscriptionStore(redis, config.prefix),
    invitationLinks: hmacInvitationLinks(config.jwtSecret),
    openids: {
      async remember(personId, openid) {
        await redis.set(openidKey(personId), openid);
      },
      of: (personId) => redis.get(openidKey(personId)),
    },
    tokens: jwtTokens({ secret: config.jwtSecret, ttlS: config.accessTtlS }),
    limits: redisRateLimits(redis, config.prefix, clock, config.rateLimitScale),
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
