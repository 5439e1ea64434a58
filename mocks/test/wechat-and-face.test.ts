import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certHash } from '../src/face/app';
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

  it('when the next answer is set to -1 or 40226, then jscode2session answers it once', async () => {
    await h.api('POST', '/dev/fail-next', { errcode: -1 });
    expect((await session(await newCode('o_frank'))).body).toEqual({ errcode: -1, errmsg: 'system error' });
    await h.api('POST', '/dev/fail-next', { errcode: 40226 });
    expect((await session(await newCode('o_frank'))).body.errcode).toBe(40226);
    expect((await session(await newCode('o_frank'))).body.openid).toBe('o_frank');
  });
});

const token = async () =>
  (await h.api<{ access_token: string; expires_in: number }>('GET', `/cgi-bin/token?grant_type=client_credential&appid=${KEYS.wechat.appId}&secret=${KEYS.wechat.appSecret}`)).body;
const send = (accessToken: string, body: object) => h.api<{ errcode: number; errmsg: string; msgid?: number }>('POST', `/cgi-bin/message/subscribe/send?access_token=${accessToken}`, body);
const message = (touser: string, template = 'tmpl_fs_binding_v1') => ({
  touser,
  template_id: template,
  page: 'pages/notifications/index',
  miniprogram_state: 'formal',
  lang: 'zh_CN',
  data: { thing1: { value: '家庭共济关系已建立' }, name2: { value: '卓*' }, time3: { value: '2026-11-29 10:00' } },
});

describe('WeChat access_token (cgi-bin/token)', () => {
  it('when a token is fetched, then it lives expires_in = 7200 s; after that it answers 42001', async () => {
    const t = await token();
    expect(t.expires_in).toBe(7200);
    await h.api('POST', '/dev/subscribe', { openid: 'o_tok', template_id: 'tmpl_fs_binding_v1', decision: 'accept' });
    h.advance(7200 * 1000);
    expect((await send(t.access_token, message('o_tok'))).body).toEqual({ errcode: 42001, errmsg: 'access_token expired' });
    expect((await send((await token()).access_token, message('o_tok'))).body.errcode).toBe(0);
  });

  it('when a newer token is fetched, then the older one still works for 5 minutes and then is 40001 (not latest)', async () => {
    const old = (await token()).access_token;
    await token();
    await h.api('POST', '/dev/subscribe', { openid: 'o_grace', template_id: 'tmpl_fs_binding_v1', decision: 'accept' });
    await h.api('POST', '/dev/subscribe', { openid: 'o_grace', template_id: 'tmpl_fs_binding_v1', decision: 'accept' });
    expect((await send(old, message('o_grace'))).body.errcode).toBe(0);
    h.advance(5 * 60_000 + 1);
    expect((await send(old, message('o_grace'))).body.errcode).toBe(42001);
    await h.api('POST', '/dev/tokens', { action: 'invalidate' });
    expect((await send(old, message('o_grace'))).body.errcode).toBe(40001);
    expect((await send('', message('o_grace'))).body.errcode).toBe(41001);
  });

  it('when grant_type or the secret is wrong, then 40002 / 40125 and no token', async () => {
    expect((await h.api<{ errcode: number }>('GET', `/cgi-bin/token?grant_type=x&appid=${KEYS.wechat.appId}&secret=${KEYS.wechat.appSecret}`)).body.errcode).toBe(40002);
    expect((await h.api<{ errcode: number }>('GET', `/cgi-bin/token?grant_type=client_credential&appid=${KEYS.wechat.appId}&secret=bad`)).body.errcode).toBe(40125);
  });
});

describe('WeChat subscription messages (message/subscribe/send)', () => {
  it('when the person accepted the template once, then one message arrives and the next is 43101 (R20)', async () => {
    const t = (await token()).access_token;
    expect((await send(t, message('o_erin'))).body).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await h.api('POST', '/dev/subscribe', { openid: 'o_erin', template_id: 'tmpl_fs_binding_v1', decision: 'accept' });
    await h.api('POST', '/dev/subscribe', { openid: 'o_erin', template_id: 'tmpl_fs_account_used_v1', decision: 'reject' });
    const sent = await send(t, message('o_erin'));
    expect(sent.body).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(typeof sent.body.msgid).toBe('number');
    expect((await send(t, message('o_erin'))).body.errcode).toBe(43101);
    expect((await send(t, message('o_erin', 'tmpl_fs_account_used_v1'))).body.errcode).toBe(43101);
    const { messages } = (await h.api<{ messages: Array<{ template_id: string; data: unknown }> }>('GET', '/dev/messages?openid=o_erin')).body;
    expect(messages).toHaveLength(1);
    expect(messages[0]?.template_id).toBe('tmpl_fs_binding_v1');
  });

  it('when touser, template_id, page or data break the documented format, then 40003 / 40037 / 41030 / 47003', async () => {
    const t = (await token()).access_token;
    await h.api('POST', '/dev/subscribe', { openid: 'o_fmt', template_id: 'tmpl_fs_binding_v1', decision: 'accept' });
    expect((await send(t, { ...message('o_fmt'), touser: '' })).body.errcode).toBe(40003);
    expect((await send(t, { ...message('o_fmt'), template_id: 'no spaces allowed' })).body.errcode).toBe(40037);
    expect((await send(t, { ...message('o_fmt'), page: 'https://example.invalid' })).body.errcode).toBe(41030);
    expect((await send(t, { ...message('o_fmt'), data: { thing1: { value: '这是一段超过二十个字的很长很长很长很长的文字' } } })).body.errcode).toBe(47003);
    expect((await send(t, message('o_fmt'))).body.errcode).toBe(0);
  });
});

describe('face verification stand-in (人脸核身 getverifyid / queryverifyinfo)', () => {
  const cert = { cert_type: 'IDENTITY_CARD', cert_name: '扎西', cert_no: '540102198503121318' };
  let seq = 0;
  const start = async (t: string, openid = 'o_face') => {
    seq += 1;
    const outSeqNo = `seq_${process.pid}_${seq}`;
    const res = await h.api<{ errcode: number; verify_id: string; expires_in: number }>('POST', `/cityservice/face/identify/getverifyid?access_token=${t}`, { out_seq_no: outSeqNo, cert_info: cert, openid });
    return { ...res.body, outSeqNo, openid };
  };
  const query = (t: string, s: { verify_id: string; outSeqNo: string; openid: string }, overrides: object = {}) =>
    h.api<{ errcode: number; verify_ret?: number }>('POST', `/cityservice/face/identify/queryverifyinfo?access_token=${t}`, {
      verify_id: s.verify_id, out_seq_no: s.outSeqNo, cert_hash: certHash(cert), openid: s.openid, ...overrides,
    });

  it('when cert_hash is computed for the documented example, then it is the documented digest', () => {
    expect(certHash({ cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' })).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
  });

  it.each([
    ['pass', 10000],
    ['fail', 10004],
    ['spoof', 10002],
    ['timeout', 90017],
    ['cancel', 90004],
  ])('when the phone reports %s, then queryverifyinfo reads verify_ret %i, the same on a second query', async (outcome, ret) => {
    const t = (await token()).access_token;
    const s = await start(t);
    expect(s).toMatchObject({ errcode: 0, expires_in: 3600 });
    expect((await h.api('POST', '/dev/face/verify', { verify_id: s.verify_id, outcome })).body).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await query(t, s)).body).toEqual({ errcode: 0, errmsg: 'ok', verify_ret: ret });
    expect((await query(t, s)).body.verify_ret).toBe(ret);
    expect((await h.api<{ errcode: number }>('POST', '/dev/face/verify', { verify_id: s.verify_id, outcome: 'pass' })).body.errcode).toBe(40097);
  });

  it('when a query does not match its start (openid, out_seq_no, cert_hash), then an errcode and no verify_ret', async () => {
    const t = (await token()).access_token;
    const s = await start(t);
    await h.api('POST', '/dev/face/verify', { verify_id: s.verify_id, outcome: 'pass' });
    for (const overrides of [{ openid: 'o_other' }, { out_seq_no: 'seq_other' }, { cert_hash: certHash({ ...cert, cert_name: '次仁' }) }]) {
      const res = await query(t, s, overrides);
      expect(res.body.errcode).toBe(40097);
      expect(res.body.verify_ret).toBeUndefined();
    }
  });

  it('when the access_token is missing or wrong, or out_seq_no is reused, then WeChat errors; an unknown verify_id is 40097', async () => {
    expect((await h.api<{ errcode: number }>('POST', '/cityservice/face/identify/getverifyid?access_token=forged', {})).body.errcode).toBe(40001);
    expect((await h.api<{ errcode: number }>('POST', '/cityservice/face/identify/getverifyid', {})).body.errcode).toBe(41001);
    const t = (await token()).access_token;
    const s = await start(t);
    const again = await h.api<{ errcode: number }>('POST', `/cityservice/face/identify/getverifyid?access_token=${t}`, { out_seq_no: s.outSeqNo, cert_info: cert, openid: 'o_face' });
    expect(again.body.errcode).toBe(40097);
    expect((await query(t, { ...s, verify_id: 'unknown' })).body.errcode).toBe(40097);
  });
});
