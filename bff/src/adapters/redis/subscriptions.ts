import type { SubscriptionDecision } from '@family-share/shared';
import type { Delivery, SubscriptionStore } from '../../ports/subscriptions';
import type { RedisLike } from './client';
import type { BffKeys } from './keys';

/** Kept a year from the last change: an accepted one-time template does not lapse at WeChat. */
const TTL_S = 365 * 86400;
const DELIVERIES_KEPT = 50;

/**
 * Subscription consents in one hash per WeChat account, `<template>:decision|left|at`, and the
 * delivery log in a capped list beside it; both under the account's hash tag.
 */
export function redisSubscriptionStore(redis: RedisLike, keys: BffKeys): SubscriptionStore {
  const consentsKey = (openid: string) => keys.account(openid).subscriptions;
  const deliveriesKey = (openid: string) => keys.account(openid).deliveries;

  return {
    async record(openid, decisions, at) {
      const key = consentsKey(openid);
      const tx = redis.multi();
      for (const [template, decision] of Object.entries(decisions)) {
        tx.hset(key, `${template}:decision`, decision, `${template}:at`, String(at));
        if (decision === 'accept') tx.hincrby(key, `${template}:left`, 1);
      }
      await tx.expire(key, TTL_S).exec();
    },
    async consents(openid) {
      const hash = await redis.hgetall(consentsKey(openid));
      const templates = new Set(Object.keys(hash).map((field) => field.slice(0, field.lastIndexOf(':'))));
      return [...templates].sort().map((templateId) => ({
        templateId,
        decision: (hash[`${templateId}:decision`] ?? 'reject') as SubscriptionDecision,
        left: Math.max(0, Number(hash[`${templateId}:left`] ?? 0)),
        at: Number(hash[`${templateId}:at`] ?? 0),
      }));
    },
    async take(openid, templateId) {
      // HINCRBY is atomic: whoever takes it below zero gives it back, so concurrent senders
      // never use more messages than were accepted.
      const key = consentsKey(openid);
      const left = await redis.hincrby(key, `${templateId}:left`, -1);
      if (left >= 0) return true;
      await redis.hincrby(key, `${templateId}:left`, 1);
      return false;
    },
    async logDelivery(openid, delivery: Delivery) {
      const key = deliveriesKey(openid);
      await redis.multi().lpush(key, JSON.stringify(delivery)).ltrim(key, 0, DELIVERIES_KEPT - 1).expire(key, TTL_S).exec();
    },
    async deliveries(openid, limit) {
      const items = await redis.lrange(deliveriesKey(openid), 0, limit - 1);
      return items.map((json) => JSON.parse(json) as Delivery);
    },
  };
}
