// Runs the BFF on its own: `npm start -w bff` (configuration from the environment, env.ts).
import { readBffConfig } from './env';
import { startBff } from './start';
import { createLogger } from './wire';

const config = readBffConfig();
const log = createLogger(config.logLevel);
if (config.jwtSecretGenerated) {
  log.warn('JWT_SECRET is not set: using a random secret for this process only. Sessions end at restart and other BFF processes cannot verify these tokens. Set JWT_SECRET (≥ 32 random bytes).');
}
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
const bff = await startBff(config, { log });
log.info({ url: bff.url, demo: config.demo, policy: config.policy.name }, 'BFF listening');
const stop = async () => {
  await bff.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
