import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { subscriptionMessage } from '@family-share/shared';
import type { Logger } from 'pino';
import { Cluster } from 'ioredis';
import { Pool } from 'undici';
import type { Notifier } from './deps';
import type { PlatformStore } from './store/platform-store';
import type { RedisLike } from './store/redis-client';

/** The consumer group that sends the outbox to WeChat. */
const GROUP = 'wechat';
/** A sent mark outlives any redelivery: the sweeper reclaims after minutes, not days. */
const SENT_MARK_S = 7 * 86_400;
/** An entry a consumer read and never acknowledged (it died) is taken over after this. */
const RECLAIM_IDLE_MS = 30_000;
/** Sockets to WeChat per process: under load the unbounded agent opened 255. */
const WECHAT_CONNECTIONS = 8;

type Event = { kind: string; at: number } & Record<string, unknown>;

export interface OutboxNotifier extends Notifier {
  /**
   * Tests: every notification written so far has been sent or skipped, including entries a
   * failed read left pending (taken over at once, not after RECLAIM_IDLE_MS; the sent mark
   * keeps that from sending twice).
   */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface OutboxConsumer {
  /** One batch of new entries for this consumer; the number handled. */
  consumeOnce(): Promise<number>;
  /** Takes over entries other consumers read but never acknowledged for `minIdleMs`, and handles them. */
  reclaim(minIdleMs?: number): Promise<number>;
  /** Reads, sends and acknowledges until close(). */
  run(): void;
  inProgress(): number;
  close(): Promise<void>;
}

/** Tests only: stop the consumer between its steps, as a crash would. */
export interface OutboxFaults {
  /** After the entry was read, before its sent mark. */
  afterRead?(dedupeId: string): Promise<void> | void;
  /** After the message went to WeChat, before the entry is acknowledged. */
  afterSend?(dedupeId: string): Promise<void> | void;
}

/**
 * R20's WeChat nudge, off the request path: notify() appends an outbox entry to a Redis stream
 * (one XADD, no wait for WeChat), and a consumer group sends them to WeChat.
 *
 * Not in the operation's own atomic step: the in-app feed, written atomically with each change,
 * is the record; the WeChat message is the nudge. A crash between the operation's commit and
 * the XADD loses that nudge only (as the fire-and-forget send before it did).
 */
export function outboxWriter(options: { store: PlatformStore; outboxKey: string; log: Logger }): Notifier & { flushed(): Promise<void> } {
  const writes = new Set<Promise<unknown>>();
  return {
    notify(personId, event) {
      const write = options.store.redis
        .xadd(options.outboxKey, '*', 'd', randomUUID(), 'p', personId, 'e', JSON.stringify(event))
        .catch((error: unknown) => options.log.warn({ err: error, kind: event.kind }, 'outbox entry not written'))
        .finally(() => writes.delete(write));
      writes.add(write);
    },
    async flushed() {
      while (writes.size > 0) await Promise.all([...writes]);
    },
  };
}

/** Where the outbox is and how its consumer reaches WeChat's server API. */
export interface OutboxOptions {
  wechatUrl: string;
  appId: string;
  appSecret: string;
  store: PlatformStore;
  outboxKey: string;
  log: Logger;
}

/**
 * The outbox's consumer: reads entries as a member of the consumer group (at-least-once: an
 * entry read and never acknowledged stays pending and is taken over by another consumer), sends
 * each to WeChat at most once by its dedupe id, then acknowledges and deletes it.
 *
 * Steps per entry and what a crash after each leaves:
 * (1) read (XREADGROUP) — the entry is pending for this consumer; after RECLAIM_IDLE_MS another
 *     consumer (or this one restarted) takes it over (XAUTOCLAIM) and starts again at (2);
 * (2) the person's openid read (nothing to send: straight to (4)), then the sent mark (SET NX
 *     on the dedupe id) — a redelivery finds it and sends nothing: a crash
 *     between (2) and (3) loses this nudge rather than risk a second message (WeChat's send has
 *     no idempotency key; the in-app feed has the event either way);
 * (3) the send to WeChat;
 * (4) XACK + XDEL, once per batch read — a crash before it: the redelivery finds the marks and
 *     only acknowledges.
 */
export function outboxConsumer(options: OutboxOptions & { faults?: OutboxFaults; consumerName?: string }): OutboxConsumer {
  const { store, outboxKey: key, log } = options;
  const redis = store.redis;
  const name = options.consumerName ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const wechat = new Pool(options.wechatUrl, { connections: WECHAT_CONNECTIONS, keepAliveTimeout: 30_000 });
  let token: { value: string; expiresAt: number } | null = null;
  let closed = false;
  let reader: RedisLike | null = null;
  const working = new Set<string>();
  let group: Promise<void> | null = null;

  const ensureGroup = () =>
    (group ??= redis.xgroup('CREATE', key, GROUP, '0', 'MKSTREAM').then(
      () => undefined,
      (error: unknown) => {
        if (!String(error).includes('BUSYGROUP')) {
          group = null;
          throw error;
        }
      },
    ));

  async function callWechat(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await wechat.request({
      method: body === undefined ? 'GET' : 'POST',
      path,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: 5_000,
      bodyTimeout: 5_000,
    });
    return (await response.body.json()) as Record<string, unknown>;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const path = `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;
    const body = (await callWechat(path)) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`no access token (errcode ${body.errcode})`);
    token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 };
    return token.value;
  }

  const post = async (message: object) =>
    (await callWechat(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`, message)) as { errcode?: number };

  /** The other person of an event, as the feed names them; only ever sent masked. */
  const counterpartOf = (event: Record<string, unknown>): string | null => {
    const value = event.counterpartName ?? event.beneficiaryName ?? event.payerName;
    return typeof value === 'string' ? value : null;
  };

  /** The message for this person, or null when none goes out: read-only, so before the mark. */
  async function messageFor(personId: string, event: Event): Promise<object | null> {
    // One field, not the whole person (HGETALL): only the linked openid is needed.
    const openid = await redis.hget(store.k(personId).person, 'ecOpenid');
    if (!openid) return null; // no linked WeChat account (e.g. a child activated by a guardian)
    const message = subscriptionMessage(event.kind, { counterpartName: counterpartOf(event), at: event.at });
    return message ? { touser: openid, ...message, miniprogram_state: 'formal', lang: 'zh_CN' } : null;
  }

  async function send(body: object, kind: string): Promise<void> {
    let answer = await post(body);
    // 40001 (not the latest token) or 42001 (expired): fetch a new token once and send again.
    if (answer.errcode === 40001 || answer.errcode === 42001) {
      token = null;
      answer = await post(body);
    }
    // 43101: the person has not accepted this template (wx.requestSubscribeMessage): expected.
    if (answer.errcode === 43101) {
      log.debug({ kind, errcode: 43101 }, 'subscription message not sent: template not accepted');
      return;
    }
    if (answer.errcode !== 0) throw new Error(`subscribe/send errcode ${answer.errcode} (${kind})`);
  }

  type Entries = Array<[string, string[]]>;

  /** Steps (2) and (3) of one entry. */
  async function deliver(entryId: string, fields: string[]): Promise<void> {
    const field = (f: string) => fields[fields.indexOf(f) + 1] ?? '';
    const dedupeId = field('d');
    await options.faults?.afterRead?.(dedupeId);
    const event = JSON.parse(field('e')) as Event;
    const body = await messageFor(field('p'), event);
    if (!body) return; // nothing to send: no mark needed
    const marked = await redis.set(`${key}:sent:${dedupeId}`, entryId, 'EX', SENT_MARK_S, 'NX');
    if (marked !== 'OK') return;
    // A refusal or a network fault is logged, never retried: the feed is the record.
    await send(body, event.kind).catch((error: unknown) => log.warn({ err: error, kind: event.kind }, 'subscription message not sent'));
    await options.faults?.afterSend?.(dedupeId);
  }

  /** A batch as read: each entry delivered, then those delivered acknowledged together (4). */
  async function handle(entries: Entries): Promise<number> {
    if (entries.length === 0) return 0;
    for (const [id] of entries) working.add(id);
    try {
      const outcomes = await Promise.allSettled(entries.map(([id, fields]) => deliver(id, fields)));
      const done = entries.filter((_, i) => outcomes[i]!.status === 'fulfilled').map(([id]) => id);
      if (done.length > 0) await redis.multi().xack(key, GROUP, ...done).xdel(key, ...done).exec();
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
      return entries.length;
    } finally {
      for (const [id] of entries) working.delete(id);
    }
  }

  type StreamReply = Array<[string, Entries]> | [string, Entries] | null;
  /** [[key, entries]] for one stream — or [key, entries] as this Redis answered it through call(). */
  const entriesOf = (reply: StreamReply): Entries => {
    if (!reply || reply.length === 0) return [];
    return typeof reply[0] === 'string' ? (reply[1] as Entries) : (reply as Array<[string, Entries]>)[0]![1];
  };
  async function read(connection: RedisLike, blockMs: number | null): Promise<number> {
    await ensureGroup();
    const reply = (await connection.call(
      'XREADGROUP', 'GROUP', GROUP, name, 'COUNT', '64', ...(blockMs === null ? [] : ['BLOCK', String(blockMs)]), 'STREAMS', key, '>',
    )) as StreamReply;
    return handle(entriesOf(reply));
  }

  async function reclaim(minIdleMs = RECLAIM_IDLE_MS): Promise<number> {
    await ensureGroup();
    const reply = (await redis.call('XAUTOCLAIM', key, GROUP, name, String(minIdleMs), '0-0', 'COUNT', '64')) as [string, Array<[string, string[] | null]>];
    // A claimed entry deleted meanwhile comes back without fields: nothing to send.
    return handle(reply[1].filter((e): e is [string, string[]] => Array.isArray(e[1])));
  }

  return {
    consumeOnce: () => read(redis, null),
    reclaim,
    inProgress: () => working.size,
    run() {
      // A blocking read ties up its connection: a connection of its own.
      const blocking: RedisLike = redis instanceof Cluster ? redis.duplicate() : redis.duplicate();
      reader = blocking;
      let lastReclaim = 0;
      void (async () => {
        // The duplicate fails fast like its parent (no offline queue): let it connect first, or
        // the first read fails before the connection is up.
        if (blocking.status !== 'ready') await new Promise((resolve) => blocking.once('ready', resolve));
        while (!closed) {
          try {
            if (Date.now() - lastReclaim > RECLAIM_IDLE_MS / 3) {
              lastReclaim = Date.now();
              await reclaim();
            }
            await read(blocking, 2_000);
          } catch (error) {
            if (closed) return;
            log.warn({ err: error }, 'outbox read failed');
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      })();
    },
    async close() {
      closed = true;
      reader?.disconnect();
      // Entries being sent finish; one cut off here stays pending and is taken over (step 1).
      for (let i = 0; i < 100 && working.size > 0; i += 1) await new Promise((r) => setTimeout(r, 20));
      await wechat.close();
    },
  };
}

/**
 * The notifier a platform process uses: the outbox writer, and (unless the consumer runs in a
 * process of its own) the consumer too.
 */
export function wechatNotifier(
  options: OutboxOptions & {
    /** false: another process consumes the outbox (MOCKS_ONLY). */
    consume?: boolean;
  },
): OutboxNotifier {
  const writer = outboxWriter(options);
  const consumer = options.consume === false ? null : outboxConsumer(options);
  consumer?.run();
  return {
    notify: writer.notify,
    async idle() {
      await writer.flushed();
      if (!consumer) return;
      const deadline = Date.now() + 10_000;
      for (;;) {
        const handled = (await consumer.consumeOnce()) + (await consumer.reclaim(0));
        const pending = (await options.store.redis.call('XPENDING', options.outboxKey, GROUP)) as [number, ...unknown[]];
        if (handled === 0 && consumer.inProgress() === 0 && Number(pending[0]) === 0) return;
        if (Date.now() > deadline) throw new Error('the outbox did not drain in 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      await writer.flushed();
      await consumer?.close();
    },
  };
}
