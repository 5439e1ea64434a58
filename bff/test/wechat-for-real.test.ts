// Issue 11, "WeChat for real": the BFF's adapters against the stand-ins' documented shapes —
// the access_token going stale mid-flow (42001, 40001), 45011 / -1 / 40163 at login, 43101 at
// subscribe/send, a face result completed twice — and the rules around them: session_key never
// leaves the BFF, messages go only where a template was accepted and the inbox always has the
// entry, a shared invitation link shows its invitation to its invitee only.
import { SUBSCRIPTION_TEMPLATES, templatesOfFlow } from '@family-share/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisContents } from '../../scripts/lib/redis-contents';
import { code, startBffHarness, type BffHarness, type Client } from './harness';

let h: BffHarness;
beforeAll(async () => {
  h = await startBffHarness();
});
afterAll(async () => h.close());

const wechat = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${h.stack.mocks.wechatUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
};

const employee = () => h.signedUp({ balance: 600000 });

async function invite(from: Client, to: { idNumber: string; name: string }) {
  const res = await h.invite(from, to);
  if (res.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(res.body)}`);
  return res.body.invitationId as string;
}

describe('access_token (cgi-bin/token) kept by the BFF', () => {
  it('when every token expires between the start and the end of a face verification (42001), then the BFF fetches a new one once and the verification completes', async () => {
    const a = await employee();
    const started = await a.client.post('/api/face/sessions', { purpose: 'unbind', target: 'no-such-binding' });
    expect(code(started)).toBe('BINDING_NOT_FOUND');
    const session = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    expect(session.status).toBe(201);
    expect(typeof session.body.verifyId).toBe('string');

    await wechat('POST', '/dev/tokens', { action: 'expire' });
    const done = await a.client.post(`/api/face/sessions/${session.body.sessionId as string}/complete`, { outcome: 'pass' });
    expect(done.status).toBe(200);
    expect(done.body.purpose).toBe('bind');
  });

  it('when a fetch elsewhere made the token "not latest" (40001), then the next call refreshes once and succeeds', async () => {
    const a = await employee();
    await wechat('POST', '/dev/tokens', { action: 'invalidate' });
    const session = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    expect(session.status).toBe(201);
    await wechat('POST', '/dev/tokens', { action: 'invalidate' });
    expect((await a.client.post(`/api/face/sessions/${session.body.sessionId as string}/complete`, { outcome: 'pass' })).status).toBe(200);
  });
});

describe('face verification (人脸核身): only the server query decides, once', () => {
  it('when one verification is completed twice at once, then exactly one ticket comes out and the other is refused', async () => {
    const a = await employee();
    const session = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    const path = `/api/face/sessions/${session.body.sessionId as string}/complete`;
    const answers = await Promise.all([a.client.post(path, { outcome: 'pass' }), a.client.post(path, { outcome: 'pass' })]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, statuses[1]]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(['FACE_RESULT_CONSUMED', 'FACE_VERIFICATION_NOT_FOUND']).toContain(code(answers.find((r) => r.status !== 200)!));
    // and once more, after both: nothing left to complete
    expect(code(await a.client.post(path, { outcome: 'pass' }))).toBe('FACE_VERIFICATION_NOT_FOUND');
  });

  it('when WeChat fails the query (injected between the phone and the BFF\'s decision), then 503 and the session is kept: the retry reads the result and yields the ticket', async () => {
    const a = await employee();
    const session = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    const path = `/api/face/sessions/${session.body.sessionId as string}/complete`;
    await fetch(`${h.stack.mocks.faceUrl}/dev/face/fail-next`, { method: 'POST' });
    const failed = await a.client.post(path, { outcome: 'pass' });
    expect([failed.status, code(failed)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const retried = await a.client.post(path, { outcome: 'pass' });
    expect(retried.status).toBe(200);
    expect(retried.body.purpose).toBe('bind');
  });

  it('when the person leaves the camera (cancel), then FACE_VERIFICATION_CANCELLED and no attempt is used; a failed face uses one (R6)', async () => {
    const a = await employee();
    const before = (await a.client.get('/api/face/status')).body.attemptsLeft as number;
    const cancelled = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    // the demo endpoint of the stand-in plays the phone; 'cancel' is what leaving reads as (90004)
    await fetch(`${h.stack.mocks.faceUrl}/dev/face/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verify_id: cancelled.body.verifyId, outcome: 'cancel' }),
    });
    expect(code(await a.client.post(`/api/face/sessions/${cancelled.body.sessionId as string}/complete`, {}))).toBe('FACE_VERIFICATION_CANCELLED');
    expect((await a.client.get('/api/face/status')).body.attemptsLeft).toBe(before);

    const failed = await a.client.post('/api/face/sessions', { purpose: 'bind', target: a.idNumber });
    expect(code(await a.client.post(`/api/face/sessions/${failed.body.sessionId as string}/complete`, { outcome: 'spoof' }))).toBe('FACE_SPOOF_DETECTED');
    expect((await a.client.get('/api/face/status')).body.attemptsLeft).toBe(before - 1);
  });
});

describe('login (code2Session)', () => {
  it('when WeChat answers 45011, -1, 40226 or a code is used twice (40163), then 429 WECHAT_RATE_LIMITED, 503 WECHAT_BUSY, 403 WECHAT_LOGIN_BLOCKED, 401 WECHAT_CODE_INVALID', async () => {
    const p = await h.newPerson();
    for (const [errcode, status, expected] of [[45011, 429, 'WECHAT_RATE_LIMITED'], [-1, 503, 'WECHAT_BUSY'], [40226, 403, 'WECHAT_LOGIN_BLOCKED']] as const) {
      await wechat('POST', '/dev/fail-next', { errcode });
      const res = await h.http.post('/api/auth/login').send({ code: await h.wxCode(p.openid) });
      expect([res.status, code(res)]).toEqual([status, expected]);
    }
    const once = await h.wxCode(p.openid);
    expect((await h.http.post('/api/auth/login').send({ code: once })).status).toBe(200);
    const again = await h.http.post('/api/auth/login').send({ code: once });
    expect([again.status, code(again)]).toEqual([401, 'WECHAT_CODE_INVALID']);
  });

  it('when a person logs in, then the session_key WeChat gave never leaves the BFF: not in the answer, the token, or anything in Redis', async () => {
    const p = await h.newPerson();
    const res = await h.http.post('/api/auth/login').send({ code: await h.wxCode(p.openid) });
    expect(res.status).toBe(200);
    const { session_key: sessionKey } = await wechat<{ session_key: string }>('GET', `/dev/session-key?openid=${p.openid}`);
    expect(sessionKey).toMatch(/.{16,}/);
    expect(res.text).not.toContain(sessionKey);
    const payload = Buffer.from((res.body.accessToken as string).split('.')[1] ?? '', 'base64url').toString();
    expect(payload).not.toContain(sessionKey);

    const redis = new Redis(h.stack.redisUrl);
    try {
      const seen = [...(await redisContents(redis))].flat();
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.filter((v) => v.includes(sessionKey))).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});

describe('subscription messages (R20): asked at the tap, sent only where accepted, always in the inbox', () => {
  const deliveries = async (client: Client) => (await client.get('/api/subscriptions')).body.deliveries as Array<{ kind: string; result: string; errcode: number | null }>;
  const messagesOf = async (openid: string) => (await wechat<{ messages: Array<{ template_id: string; data: Record<string, { value: string }> }> }>('GET', `/dev/messages?openid=${openid}`)).messages;

  it('when the inviter accepted the templates of the invite flow, then the rejection reaches WeChat with the name masked; without an accepted message left, nothing is sent and the inbox still has it', async () => {
    const a = await employee();
    const saved = await a.client.post('/api/subscriptions', {
      flow: 'invite',
      decisions: Object.fromEntries(templatesOfFlow('invite').map((t) => [t, t === SUBSCRIPTION_TEMPLATES.accountUsed ? 'reject' : 'accept'])),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.consents).toContainEqual(expect.objectContaining({ templateId: SUBSCRIPTION_TEMPLATES.invitationResult, decision: 'accept', left: 1 }));
    expect(saved.body.consents).toContainEqual(expect.objectContaining({ templateId: SUBSCRIPTION_TEMPLATES.accountUsed, decision: 'reject', left: 0 }));

    for (let round = 0; round < 2; round += 1) {
      const b = await h.newPerson({ insurance: 'resident' });
      const B = await h.login(b.openid);
      const id = await invite(a.client, b);
      expect((await B.post(`/api/invitations/${id}/reject`)).status).toBe(200);
      await vi.waitFor(async () => expect(await deliveries(a.client)).toHaveLength(round + 1));
      const inbox = await a.client.get('/api/notifications?limit=50');
      expect(JSON.stringify(inbox.body)).toContain('INVITATION_REJECTED');
      const sent = await messagesOf(a.openid);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.template_id).toBe(SUBSCRIPTION_TEMPLATES.invitationResult);
      expect(JSON.stringify(sent[0]?.data)).not.toContain(b.name);
      expect(sent[0]?.data.name2?.value).toMatch(/\*/);
    }
    expect((await deliveries(a.client)).map((d) => d.result)).toEqual(['not-accepted', 'sent']);
  });

  it('when the BFF holds an accepted template but WeChat has none left (43101), then it records the refusal and the inbox has the entry', async () => {
    const a = await employee();
    await a.client.post('/api/subscriptions', { flow: 'invite', decisions: { [SUBSCRIPTION_TEMPLATES.invitationResult]: 'accept' } });
    // someone else used the one accepted message at WeChat (the stand-in counts them as WeChat does)
    const token = await wechat<{ access_token: string }>('GET', `/cgi-bin/token?grant_type=client_credential&appid=${h.stack.keys.wechat.appId}&secret=${h.stack.keys.wechat.appSecret}`);
    const used = await wechat<{ errcode: number }>('POST', `/cgi-bin/message/subscribe/send?access_token=${token.access_token}`, {
      touser: a.openid, template_id: SUBSCRIPTION_TEMPLATES.invitationResult, data: { thing1: { value: '测试' } },
    });
    expect(used.errcode).toBe(0);

    const b = await h.newPerson({ insurance: 'resident' });
    const id = await invite(a.client, b);
    expect((await (await h.login(b.openid)).post(`/api/invitations/${id}/reject`)).status).toBe(200);
    await vi.waitFor(async () => expect(await deliveries(a.client)).toEqual([expect.objectContaining({ kind: 'INVITATION_REJECTED', result: 'refused', errcode: 43101 })]));
    expect(JSON.stringify((await a.client.get('/api/notifications?limit=50')).body)).toContain('INVITATION_REJECTED');
  });

  it('when a template id that is not the mini-program’s own is recorded, then 400 and nothing is stored', async () => {
    const a = await employee();
    const res = await a.client.post('/api/subscriptions', { flow: 'invite', decisions: { tmpl_someone_else: 'accept' } });
    expect([res.status, code(res)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await a.client.get('/api/subscriptions')).body.consents).toEqual([]);
  });
});

describe('the invitation link (发送给家人)', () => {
  it('when the invitee opens the signed link, then she sees the invitation; anyone else, a changed link or an expired one learn nothing (R19)', async () => {
    const a = await employee();
    const b = await h.newPerson({ insurance: 'resident' });
    const id = await invite(a.client, b);
    const link = await a.client.post(`/api/invitations/${id}/link`);
    expect(link.status).toBe(200);
    expect(link.body.path).toBe(`/pages/invite/index?t=${link.body.token as string}`);

    const B = await h.login(b.openid);
    const opened = await B.get(`/api/invitation-links/${link.body.token as string}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ invitationId: id, box: 'received', status: 'pending' });

    const stranger = await h.login((await h.newPerson()).openid);
    const tampered = `${(link.body.token as string).slice(0, -2)}AA`;
    for (const [client, token] of [[stranger, link.body.token], [a.client, link.body.token], [B, tampered]] as const) {
      const res = await client.get(`/api/invitation-links/${token as string}`);
      expect([res.status, code(res)]).toEqual([404, 'INVITATION_LINK_INVALID']);
      expect(res.text).not.toContain(a.name.slice(0, 1));
      expect(res.text).not.toContain(b.name.slice(0, 1));
      expect(res.text).not.toContain(id);
    }

    h.advance(73 * 3_600_000);
    expect(code(await B.get(`/api/invitation-links/${link.body.token as string}`))).toBe('INVITATION_LINK_INVALID');
  });

  it('when the invitee has no activated e-credential yet, then ECREDENTIAL_REQUIRED (she activates and opens it again); a closed invitation gets no link', async () => {
    const a = await employee();
    const b = await h.newPerson({ insurance: 'resident', eCredentialActive: false, openid: undefined });
    const id = await invite(a.client, b);
    const { token } = (await a.client.post(`/api/invitations/${id}/link`)).body as { token: string };
    const fresh = await h.login(`o_fresh_${Date.now()}`);
    expect(code(await fresh.get(`/api/invitation-links/${token}`))).toBe('ECREDENTIAL_REQUIRED');
    expect((await a.client.post(`/api/invitations/${id}/cancel`)).status).toBe(200);
    expect(code(await a.client.post(`/api/invitations/${id}/link`))).toBe('INVITATION_NOT_PENDING');
  });
});
