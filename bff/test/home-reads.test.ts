/**
 * Issue 14, the home page's round trips at the BFF: one script on the person's slot (read mark,
 * own unread notices counted inside Redis, received invitation ids) before the one platform
 * call, nothing after. The answer must stay byte for byte what the former sequence of calls
 * gave (read mark → platform summary beside the received list → XRANGE … COUNT 99 to count), so
 * that sequence is kept here as the reference and both run over one seeded world, checkpoint
 * after checkpoint: invitations in every state (R19 expiry included), a binding with its feed,
 * a read mark set exactly on a notice's time (the "newer than" boundary), the 99 cap (R20).
 */
import type { Home } from '@family-share/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BffDeps, Caller } from '../src/deps';
import { bindingView, myPerson, policySummary } from '../src/use-cases/views';
import { startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
let redis: Redis;
beforeAll(async () => {
  h = await startBffHarness();
  redis = new Redis(h.stack.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await h.close();
});

/**
 * The home answer as the BFF computed it before issue 14: four sequential steps, written here
 * with the former commands on the former key names (so the keys are proven unchanged too).
 */
async function formerHome(deps: BffDeps, caller: Caller): Promise<Home> {
  const base = { policy: policySummary(deps.config.policy), demo: deps.config.demo };
  const personId = caller.personId!;
  const now = deps.clock();
  const readMark = Number((await redis.get(`bff:{p:${personId}}:inbox:read`)) ?? '0');
  const receivedRecords = async () => {
    const ids = await redis.zrevrange(`bff:{p:${personId}}:inv:recv`, 0, 49);
    const records = await Promise.all(ids.map((id) => redis.get(`bff:{inv:${id}}`)));
    return records.filter((j): j is string => j !== null).map((j) => JSON.parse(j) as { status: string; expiresAt: string });
  };
  const [summary, received] = await Promise.all([deps.platform.summary(personId, readMark), receivedRecords()]);
  const { person, bindings } = summary;
  const own = (await redis.xrange(`bff:{p:${personId}}:inbox`, `${readMark + 1}`, '+', 'COUNT', 99)).length;
  return {
    ...base,
    person: myPerson(person, deps.config.policy),
    sharing: {
      asAuthorizer: bindings.asAuthorizer.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
      asBeneficiary: bindings.asBeneficiary.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
    },
    pendingInvitations: received.filter((i) => (i.status === 'pending' || i.status === 'accepting') && Number(i.expiresAt) > now).length,
    unreadNotifications: Math.min(99, own + summary.feedNewer),
  };
}

const relative = (balance = 600_000) => h.signedUp({ balance });

async function invite(from: Client, to: { idNumber: string; name: string }) {
  const res = await h.invite(from, to);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.invitationId as string;
}

describe('issue 14: GET /api/home in one round trip per slot', () => {
  it('when the world changes step by step, then the home answer is byte for byte the former one at every step (R19, R20)', async () => {
    const me = await h.newPerson({ balance: 80_000 });
    const M = await h.login(me.openid);
    const other = await h.newPerson();
    const O = await h.login(other.openid);
    const deps = h.stack.bff.deps;
    const compared: Array<{ pending: number; unread: number }> = [];
    const check = async (step: string, who = me, client = M) => {
      const res = await client.get('/api/home');
      expect(res.status, step).toBe(200);
      const caller: Caller = { openid: who.openid, sid: '', personId: who.psnNo, ip: '127.0.0.1' };
      expect(res.text, step).toBe(JSON.stringify(await formerHome(deps, caller)));
      const body = res.body as Home;
      compared.push({ pending: body.pendingInvitations, unread: body.unreadNotifications });
    };
    await check('nothing yet');

    const [p1, p2, p3, p4] = [await relative(), await relative(), await relative(), await relative()];
    await invite(p1.client, me);
    const accepted = await invite(p2.client, me);
    const rejected = await invite(p3.client, me);
    const cancelled = await invite(p4.client, me);
    await check('four invitations received');
    expect((await M.post(`/api/invitations/${rejected}/reject`)).status).toBe(200);
    expect((await p4.client.post(`/api/invitations/${cancelled}/cancel`)).status).toBe(200);
    await check('two pending, one rejected, one cancelled');
    expect((await M.post(`/api/invitations/${accepted}/accept`)).status).toBe(200);
    await check('one accepted (the other pending one closes, R20)');

    for (let i = 0; i < 3; i += 1) {
      const paid = await h.platform('POST', '/v1/settlements', {
        settlementId: `HOME-READS-${i}`,
        cardHolderPsnNo: me.psnNo,
        charge: 90_000 + i,
        institution: { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy' },
      });
      expect(paid.status).toBe(200);
    }
    await check('the binding paid three times (feed entries)');

    // A read mark exactly on a notice's time: that notice is read, the ones after it are not.
    const notices = await deps.inbox.page(me.psnNo, null, 10);
    expect(notices.length).toBeGreaterThan(1);
    await deps.inbox.setReadMark(me.psnNo, Number(notices[1]!.id.split('-')[0]));
    await check('read mark on the second newest notice');
    expect((await M.post('/api/notifications/read', { upTo: Date.now() })).status).toBe(200);
    await check('all read');

    for (let i = 0; i < 120; i += 1) await deps.inbox.add(me.psnNo, 'INVITATION_RECEIVED', Date.now(), { relation: 'parent' });
    await check('more than 99 unread (the cap)');

    await invite((await relative()).client, other);
    await check('another person with a pending invitation', other, O);
    h.advance(8 * 86_400_000);
    await check('the pending invitation expired (R19)', other, O);

    // The world went through the cases the comparison is meant to cover.
    const unread = compared.map((c) => c.unread);
    expect(compared.map((c) => c.pending)).toEqual([0, 4, 2, 0, 0, 0, 0, 0, 1, 0]);
    expect(unread.slice(6, 8)).toEqual([0, 99]);
    expect(unread[5], 'read mark on a notice').toBeGreaterThan(0);
    expect(unread[5], 'read mark on a notice').toBeLessThan(unread[4]!);
  });
});
