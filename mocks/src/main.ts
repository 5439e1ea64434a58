// Runs the mocks on their own: `npm start -w mocks` (Redis from REDIS_URL).
import pino from 'pino';
import { readMocksEnv } from './env';
import { startMocks } from './start';

const env = readMocksEnv();
const log = pino({ level: env.LOG_LEVEL });
const mocks = await startMocks({
  redisUrl: env.REDIS_URL,
  policy: env.policy,
  platformKey: env.PLATFORM_KEY,
  wechat: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
  faceKey: env.FACE_KEY,
  ports: { platform: env.PLATFORM_PORT, wechat: env.WECHAT_PORT, face: env.FACE_PORT },
  prefix: env.PLATFORM_PREFIX,
  demo: env.PLATFORM_DEMO === 'true',
  log,
});
log.info({ platform: mocks.platformUrl, ...(env.PLATFORM_DEMO === 'true' ? { counter: `${mocks.platformUrl}/pos` } : {}), wechat: mocks.wechatUrl, face: mocks.faceUrl, policy: env.policy.name }, 'mocks running');
const stop = async () => {
  await mocks.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
