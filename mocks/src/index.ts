export { startMocks, type RunningMocks, type StartMocksOptions } from './start';
export { readMocksEnv } from './env';
export { PLATFORM_KEY_HEADER } from './platform/app';
export { DEMO_PEOPLE, DEMO_BINDINGS, DEMO_PREMIUMS, demoPerson, type DemoPersonSeed } from './platform/demo-people';
export { VERIFY_RET, type FaceOutcome } from './face/app';
export { WECHAT_ERRORS } from './wechat/app';
