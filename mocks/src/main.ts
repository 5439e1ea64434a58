// Runs the mocks on their own: `npm start -w mocks` (Redis from REDIS_URL).
import { readMocksEnv } from './env';
import { createMocksLogger } from './logger';
import { startMocks } from './start';

const env = readMocksEnv();
const log = createMocksLogger(env.LOG_LEVEL);
const mocks = await startMocks({
  redisUrl: env.REDIS_URL,
  policy: env.policy,
  platformKey: env.PLATFORM_KEY,
  wechat: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
  ports: { platform: env.PLATFORM_PORT, wechat: env.WECHAT_PORT, face: env.FACE_PORT },
  prefix: env.PLATFORM_PREFIX,
  // The demo people and the /pos counter page only on request (DEMO_MODE); `npm start` runs
  // its own stack with them.
  seed: env.DEMO_MODE,
  demo: env.DEMO_MODE,
  log,
  only: env.MOCKS_ONLY,
});
log.info({ only: env.MOCKS_ONLY ?? 'all', platform: mocks.platformUrl, ...(env.DEMO_MODE ? { counter: `${mocks.platformUrl}/pos` } : {}), wechat: mocks.wechatUrl, face: mocks.faceUrl, policy: env.policy.name, demo: env.DEMO_MODE }, 'mocks running');
const stop = async () => {
  await mocks.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
