export { createApp } from './app';
export { readBffConfig, type BffConfig } from './env';
export { startBff, type RunningBff } from './start';
export { wireDeps, createLogger } from './wire';
export type { BffDeps } from './deps';
