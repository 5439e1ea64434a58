// `npm start`: the whole product on embedded defaults, on loopback.
//   Redis: REDIS_URL if set, else a redis-server on the system binary with its append-only
//   file in .run/redis (kept across runs); the mocks with the demo people; the BFF serving
//   the h5 build at http://127.0.0.1:3000 (BFF_PORT). Ctrl-C stops everything it started.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatYuan, policyByName, TIBET_2022 } from '@family-share/shared';
import pino from 'pino';
import { DEMO_PEOPLE } from '../mocks/src/platform/demo-people';
import { readMocksEnv } from '../mocks/src/env';
import { startStack } from './lib/stack';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'miniapp', 'dist-h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the h5 app when there is no build or its sources (or the shared package) changed since. */
function ensureH5Build(): void {
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'miniapp', 'src')), newestMtime(join(root, 'shared', 'src')));
  if (built > sources) return;
  console.log('[start] building the h5 app (about 30 s)…');
  const build = spawnSync('npm', ['run', 'build:h5', '-w', 'miniapp'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Taro can exit 0 after rejecting its config: the index.html is the proof of a build.
  if (build.status !== 0 || !existsSync(join(dist, 'index.html')) || statSync(join(dist, 'index.html')).mtimeMs <= built) {
    const output = `${build.stdout}\n${build.stderr}`.split('\n').filter((l) => /error|Error|ERROR/.test(l));
    console.error(`[start] the h5 build failed:\n${output.slice(-30).join('\n')}`);
    process.exit(1);
  }
}

ensureH5Build();
const env = readMocksEnv();
const redisDir = join(root, '.run', 'redis');
mkdirSync(redisDir, { recursive: true });
const policy = policyByName(process.env.POLICY ?? env.PLATFORM_POLICY) ?? TIBET_2022;
const stack = await startStack({
  redisUrl: process.env.REDIS_URL,
  redisDir,
  policy,
  h5Dist: dist,
  ports: {
    bff: Number(process.env.BFF_PORT ?? 3000),
    platform: env.PLATFORM_PORT,
    wechat: env.WECHAT_PORT,
    face: env.FACE_PORT,
  },
  keys: { platform: env.PLATFORM_KEY, face: env.FACE_KEY, wechat: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET } },
  log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
});

const url = stack.bff.url;
console.log(`
家庭共济 is running (policy ${policy.name}).

  Open   ${url}/            the mini-program (h5 build), log in as a demo person (演示)
  API    ${url}/api/docs    OpenAPI: ${url}/api/openapi.json
  Redis  ${stack.redisUrl}${process.env.REDIS_URL ? '' : `   (append-only file in ${redisDir})`}
  Mocks  platform ${stack.mocks.platformUrl} · WeChat ${stack.mocks.wechatUrl} · face ${stack.mocks.faceUrl}

Demo people to try:`);
for (const p of DEMO_PEOPLE) {
  const money = p.insurance === 'employee' ? formatYuan(p.balance) : '—';
  console.log(`  ${p.name.padEnd(4, '　')} ${p.idNumber}  ${money.padStart(12)}  ${p.shows}`);
}
console.log(`
Pay at the counter (POS):  npm run pos -w mocks -- --holder zhuoma --amount 128.50
Registry changes (R8):     npm run admin -w mocks -- insurance zhaxi --insurance resident

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
