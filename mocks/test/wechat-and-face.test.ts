import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: false });
});
afterAll(async () => h.close());

const session = (code: string, appid = KEYS.wechat.appId, secret = KEYS.wechat.appSecret) =>
  h.api<{ openid?: string; errcode?: number; errmsg?: string }>('GET', `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`);
const newCode = async (openid: string) => (await h.api<{ code: string }>('POST', '/dev/login', { openid })).body.code;

describe('WeChat login stand-in (jscode2session)', () => {
  it('when a fresh code is exchanged, then it maps to the stable openid, once (40163 after)', async () => {
    const code = await newCode('o_alice');
    expect((await session(code)).body.openid).toBe('o_alice');
    expect((await session(await newCode('o_alice'))).body.openid).toBe('o_alice');
    expect((await session(code)).body).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('when a code is unknown or older than 5 minutes, then 40029 invalid code, with HTTP 200 as WeChat answers', async () => {
    const old = await newCode('o_bob');
    h.advance(5 * 60_000 + 1);
    const expired = await session(old);
    expect(expired.status).toBe(200);
    expect(expired.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect((await session('nonsense')).body.errcode).toBe(40029);
  });

  it('when the app credentials are wrong, then 40013 / 40125', async () => {
    const code = await newCode('o_carol');
    expect((await session(code, 'wx_other')).body.errcode).toBe(40013);
    expect((await session(code, KEYS.wechat.appId, 'bad')).body.errcode).toBe(40125);
  });

  it('when one openid logs in more than 100 times a minute, then 45011', async () => {
    let last: number | undefined;
    for (let i = 0; i < 101; i += 1) last = (await session(await newCode('o_busy'))).body.errcode;
    expect(last).toBe(45011);
    await h.api('POST', '/dev/fail-next', { errcode: 45011 });
    expect((await session(await newCode('o_dave'))).body.errcode).toBe(45011);
    expect((await session(await newCode('o_dave'))).body.openid).toBe('o_dave');
  });

  it('when a subscription message is sent with a valid token, then the person receives it; a bad token is 40001', async () => {
    const token = (await h.api<{ access_token: string }>('GET', `/cgi-bin/token?grant_type=client_credential&appid=${KEYS.wechat.appId}&secret=${KEYS.wechat.appSecret}`)).body.access_token;
    const sent = await h.api<{ errcode: number }>('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, { touser: 'o_erin', template_id: 't1', data: { thing1: { value: '你好' } } });
    expect(sent.body.errcode).toBe(0);
    expect((await h.api<{ messages: unknown[] }>('GET', '/dev/messages?openid=o_erin')).body.messages).toHaveLength(1);
    expect((await h.api<{ errcode: number }>('POST', '/cgi-bin/message/subscribe/send?access_token=forged', { touser: 'o_erin' })).body.errcode).toBe(40001);
  });
});

describe('face verification stand-in', () => {
  const start = () => h.api<{ verifyId: string; errcode: number }>('POST', '/face/verify-id', { name: '扎西', idNumber: '540102198503121318' }, { 'x-face-key': KEYS.face });
  const query = (verifyId: string) => h.api<{ errcode: number; verifyRet?: number }>('POST', '/face/query', { verifyId }, { 'x-face-key': KEYS.face });

  it.each([
    ['pass', 10000],
    ['fail', 10001],
    ['spoof', 10002],
    ['timeout', 10003],
  ])('when the phone reports %s, then the server reads verifyRet %i, once', async (outcome, ret) => {
    const { verifyId } = (await start()).body;
    expect((await query(verifyId)).body.verifyRet).toBe(10009);
    expect((await h.api('POST', '/face/client-verify', { verifyId, outcome })).body).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await query(verifyId)).body.verifyRet).toBe(ret);
    expect((await query(verifyId)).body.errcode).toBe(40006);
  });

  it('when the server key is missing, then 401; an unknown verifyId is 40004', async () => {
    expect((await h.api('POST', '/face/verify-id', { name: '扎西', idNumber: '540102198503121318' }, { 'x-face-key': 'nope' })).status).toBe(401);
    expect((await query('unknown')).body.errcode).toBe(40004);
  });
});
