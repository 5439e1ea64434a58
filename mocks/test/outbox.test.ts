import { SUBSCRIPTION_TEMPLATES } from '@family-share/shared';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxConsumer, outboxWriter, type OutboxFaults } from '../src/platform/wechat-notifier';
import { KEYS, startHarness, type Harness } from './harness';

/**
 * R20's WeChat messages leave the request path through an outbox stream and a consumer group.
 * The crash tests run on an outbox key of their own, with consumers made here, so that the
 * harness's own background consumer never takes their entries.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: false });
});
afterAll(async () => {
  await h.close();
});

const log = pino({ level: 'silent' });
let streams = 0;
const messagesOf = async (openid: string) =>
  (await h.api<{ messages: Array<{ template_id: string }> }>('GET', `/dev/messages?openid=${openid}`)).body.messages;

/** A person who accepted the binding template twice (two messages may arrive, one must). */
async function subscribedPerson() {
  const person = await h.newPerson();
  for (let i = 0; i < 2; i += 1) {
    await h.api('POST', '/dev/subscribe', { openid: person.openid, template_id: SUBSCRIPTION_TEMPLATES.binding, decision: 'accept' });
  }
  return person;
}

function outbox(faults?: OutboxFaults) {
  streams += 1;
  const outboxKey = `test:outbox:${process.pid}:${streams}`;
  const store = h.mocks.deps.store;
  const consumer = (name: string, f?: OutboxFaults) =>
    outboxConsumer({ wechatUrl: h.mocks.wechatUrl, ...KEYS.wechat, store, outboxKey, log, faults: f, consumerName: name });
  return { outboxKey, writer: outboxWriter({ store, outboxKey, log }), first: consumer('first', faults), consumer };
}

const crash = () => {
  throw new Error('crash (injected)');
};
const event = { kind: 'BINDING_CREATED', at: Date.now(), counterpartName: '次仁卓玛', role: 'beneficiary' };

describe('R20 subscription messages through the outbox', () => {
  it('when an operation notifies, then the request does not wait for WeChat and the in-process consumer sends the message once', async () => {
    const person = await subscribedPerson();
    h.mocks.notifier.notify(person.psnNo, event);
    await h.mocks.notifier.idle();
    const messages = await messagesOf(person.openid);
    expect(messages.map((m) => m.template_id)).toEqual([SUBSCRIPTION_TEMPLATES.binding]);
  });

  it('when the consumer dies after reading an entry and before marking it, then another consumer takes it over and sends it once', async () => {
    const person = await subscribedPerson();
    const o = outbox({ afterRead: crash });
    o.writer.notify(person.psnNo, event);
    await o.writer.flushed();
    await expect(o.first.consumeOnce()).rejects.toThrow('crash');
    expect(await messagesOf(person.openid)).toEqual([]);
    // Still pending for the dead consumer: a young entry is not taken over yet.
    const second = o.consumer('second');
    expect(await second.reclaim()).toBe(0);
    expect(await second.reclaim(0)).toBe(1);
    expect(await messagesOf(person.openid)).toHaveLength(1);
    // Acknowledged and gone: nothing is left to redeliver.
    expect(await second.reclaim(0)).toBe(0);
    expect(await h.mocks.redis.xlen(o.outboxKey)).toBe(0);
    await Promise.all([o.first.close(), second.close()]);
  });

  it('when the consumer dies after sending and before acknowledging, then the redelivery finds the dedupe mark and sends nothing more', async () => {
    const person = await subscribedPerson();
    const o = outbox({ afterSend: crash });
    o.writer.notify(person.psnNo, event);
    await o.writer.flushed();
    await expect(o.first.consumeOnce()).rejects.toThrow('crash');
    expect(await messagesOf(person.openid)).toHaveLength(1);
    const second = o.consumer('second');
    expect(await second.reclaim(0)).toBe(1);
    expect(await messagesOf(person.openid)).toHaveLength(1);
    expect(await h.mocks.redis.xlen(o.outboxKey)).toBe(0);
    await Promise.all([o.first.close(), second.close()]);
  });

  it('when two consumers read the same outbox, then each entry goes to one of them and every message is sent once', async () => {
    const people = await Promise.all([subscribedPerson(), subscribedPerson(), subscribedPerson()]);
    const o = outbox();
    for (const p of people) o.writer.notify(p.psnNo, event);
    await o.writer.flushed();
    const second = o.consumer('second');
    const handled = (await Promise.all([o.first.consumeOnce(), second.consumeOnce()])).reduce((a, b) => a + b, 0);
    expect(handled).toBe(3);
    for (const p of people) expect(await messagesOf(p.openid)).toHaveLength(1);
    await Promise.all([o.first.close(), second.close()]);
  });
});
