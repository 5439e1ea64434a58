// `npm start`: the whole product on embedded defaults, on loopback.
//   Redis: REDIS_URL if set, else a redis-server on the system binary with its append-only
//   file in .run/redis (kept across runs); the mocks with the demo people; the BFF serving
//   the h5 build at http://127.0.0.1:3000 (BFF_PORT). Ctrl-C stops everything it started.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatYuan, policyByName, TIBET_2022 } from '@family-share/shared';
import { DEMO_PEOPLE } from '../mocks/src/platform/demo-people';
import { readMocksEnv } from '../mocks/src/env';
import { createMocksLogger } from '../mocks/src/logger';
import { ensureMiniappBuild, ROOT as root } from './lib/miniapp-build';
import { startStack } from './lib/stack';

let dist: string;
try {
  dist = ensureMiniappBuild('h5');
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  process.exit(1);
}
const env = readMocksEnv();
const redisDir = join(root, '.run', 'redis');
mkdirSync(redisDir, { recursive: true });
const policy = policyByName(process.env.POLICY ?? env.PLATFORM_POLICY) ?? TIBET_2022;
const stack = await startStack({
  redisUrl: process.env.REDIS_URL,
  redisDir,
  policy,
  h5Dist: dist,
  // The local product is the demo: it lists the demo people and lets the page choose the face
  // outcome. Said out loud below; never on a server (the BFF refuses it in production).
  demo: true,
  ports: {
    bff: Number(process.env.BFF_PORT ?? 3000),
    platform: env.PLATFORM_PORT,
    wechat: env.WECHAT_PORT,
    face: env.FACE_PORT,
  },
  keys: { platform: env.PLATFORM_KEY, face: env.FACE_KEY, wechat: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET } },
  log: createMocksLogger(process.env.LOG_LEVEL ?? 'warn'),
});

const url = stack.bff.url;
console.log(`
家庭共济 is running (policy ${policy.name}).

  DEMO MODE IS ON (npm start turns it on): anyone who can reach ${url} may list the demo
  people and log in as any of them, and the face check's outcome is chosen on the page.

  Open   ${url}/            the mini-program (h5 build), log in as a demo person (演示)
  API    ${url}/api/docs    OpenAPI: ${url}/api/openapi.json
  POS    ${stack.mocks.platformUrl}/pos    the counter of a pharmacy or hospital (演示): 预结算, 结算, 撤销, 退费, 冲正
  Redis  ${stack.redisUrl}${process.env.REDIS_URL ? '' : `   (append-only file in ${redisDir})`}
  Mocks  platform ${stack.mocks.platformUrl} · WeChat ${stack.mocks.wechatUrl} · face ${stack.mocks.faceUrl}

Demo people to try:`);
for (const p of DEMO_PEOPLE) {
  const money = p.insurance === 'employee' ? formatYuan(p.balance) : '—';
  console.log(`  ${p.name.padEnd(4, '　')} ${p.idNumber}  ${money.padStart(12)}  ${p.shows}`);
}
console.log(`
Pay at the counter (POS):  npm run pos -- --holder zhuoma --amount 128.50 [--preview]
Cancel, reverse, refund:   npm run pos -- --cancel <settlement id> | --reverse <request id> | --refund <settlement id> --amount 30
Registry changes (R8):     npm run admin -- insurance zhaxi --insurance resident

Ctrl-C stops everything.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping…');
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
