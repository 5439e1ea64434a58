import type { Policy, RateLimitName } from '@family-share/shared';
import type { Logger } from 'pino';
import type { TokenService } from './adapters/jwt-tokens';
import type { InvitationLinks } from './ports/invitation-links';
import type { FacePort, PlatformPort, WechatPort } from './ports/outside';
import type {
  CommitmentStore,
  FaceStore,
  HomeStore,
  IdempotencyStore,
  InboxStore,
  InvitationStore,
  OpenidStore,
  SessionStore,
} from './ports/stores';
import type { SubscriptionStore } from './ports/subscriptions';

/** A named limit: `consume` answers how long to wait when the limit is reached. */
export interface RateLimits {
  consume(limit: LimitName, key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  /** Gives back a point taken by `consume` (the attempt did not count: nothing was made). */
  refund(limit: LimitName, key: string): Promise<void>;
  /** Whether the limit is used up, without taking a point. */
  peek(limit: LimitName, key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  /** Face verification failures (R6): 5 an hour, then locked. */
  faceFailure(openid: string): Promise<{ locked: boolean; attemptsLeft: number; lockedUntil: number | null }>;
  faceStatus(openid: string): Promise<{ attemptsLeft: number; lockedUntil: number | null }>;
}

/** A limit of the registry (shared BFF_RATE_LIMITS). */
export type LimitName = RateLimitName;

export interface BffDeps {
  platform: PlatformPort;
  wechat: WechatPort;
  face: FacePort;
  sessions: SessionStore;
  faces: FaceStore;
  commitments: CommitmentStore;
  invitations: InvitationStore;
  inbox: InboxStore;
  /** The home page's reads of one person's slot, in one round trip. */
  home: HomeStore;
  idempotency: IdempotencyStore;
  /** Subscription-message consents and deliveries (R20). */
  subscriptions: SubscriptionStore;
  invitationLinks: InvitationLinks;
  /** Which WeChat account a person uses, for subscription messages (R20). */
  openids: OpenidStore;
  tokens: TokenService;
  limits: RateLimits;
  clock: () => number;
  log: Logger;
  config: {
    demo: boolean;
    policy: Policy;
    accessTtlS: number;
    refreshTtlS: number;
    corsOrigins: string[];
    h5Dist?: string;
  };
  /** For /readyz. */
  redisHealthy(): Promise<boolean>;
}

/** Who is calling, from a verified access token and a live session. */
export interface Caller {
  openid: string;
  sid: string;
  /** The person's person number (psnNo) once the e-credential is activated. */
  personId: string | null;
  ip: string;
}
