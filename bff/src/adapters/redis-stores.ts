import type {
  CommitmentStore,
  FaceStore,
  HomeStore,
  IdempotencyStore,
  InboxStore,
  InvitationStore,
  OpenidStore,
  SessionStore,
} from '../ports/stores';
import { type RedisLike } from './redis/client';
import { redisCommitmentStore } from './redis/commitments';
import { redisFaceStore } from './redis/faces';
import { redisIdempotencyStore } from './redis/idempotency';
import { redisHomeStore, redisInboxStore } from './redis/inbox';
import { redisInvitationStore } from './redis/invitations';
import { BffKeys } from './redis/keys';
import { redisOpenidStore } from './redis/openids';
import { redisSessionStore } from './redis/sessions';

export { connectBffRedis, redisReady, type RedisLike } from './redis/client';

/**
 * The BFF's state in Redis: one store per file in ./redis, every key in ./redis/keys.ts, the
 * scripts in ./redis/lua (each on one hash tag, so this works on a Redis Cluster too).
 */
export class BffRedisStores {
  readonly keys: BffKeys;
  readonly sessions: SessionStore;
  readonly faces: FaceStore;
  readonly commitments: CommitmentStore;
  readonly invitations: InvitationStore;
  readonly inbox: InboxStore;
  readonly home: HomeStore;
  readonly idempotency: IdempotencyStore;
  readonly openids: OpenidStore;

  constructor(
    readonly redis: RedisLike,
    prefix = 'bff:',
  ) {
    this.keys = new BffKeys(prefix);
    this.sessions = redisSessionStore(redis, this.keys);
    this.faces = redisFaceStore(redis, this.keys);
    this.commitments = redisCommitmentStore(redis, this.keys);
    this.invitations = redisInvitationStore(redis, this.keys);
    this.inbox = redisInboxStore(redis, this.keys);
    this.home = redisHomeStore(redis, this.keys);
    this.idempotency = redisIdempotencyStore(redis, this.keys);
    this.openids = redisOpenidStore(redis, this.keys);
  }
}
