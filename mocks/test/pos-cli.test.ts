import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../src/platform/demo-people';
import { KEYS, startHarness, type Harness } from './harness';

const run = promisify(execFile);
const mocksDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const cli = (script: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(mocksDir, script), ...args], {
    cwd: mocksDir,
    env: { ...process.env, PLATFORM_URL: h.mocks.platformUrl, PLATFORM_KEY: KEYS.platform },
  });

describe('POS simulator and admin CLI', () => {
  it('when 德吉 pays 80 yuan at a pharmacy after 边巴 got 3,200 yuan, then the split is printed in yuan', async () => {
    await cli('src/platform/admin-cli.ts', ['balance', 'bianba', '3200']);
    const { stdout } = await cli('src/pos/cli.ts', ['--holder', 'deji', '--amount', '80', '--at', 'P54010001']);
    expect(stdout).toContain('拉萨城关区康源药店');
    expect(stdout).toMatch(/本人个人账户\s+¥0\.00/);
    expect(stdout).toMatch(/共济·边巴\s+¥80\.00/);
    expect(stdout).toMatch(/现金\s+¥0\.00/);
  });

  it('when the amount is not yuan, then it refuses with a usage message and exit code 2', async () => {
    await expect(cli('src/pos/cli.ts', ['--holder', 'deji', '--amount', '1.234'])).rejects.toMatchObject({ code: 2 });
  });

  it('when the admin ends 多吉’s employee insurance (R8), then the CLI reports the binding ended', async () => {
    const { stdout } = await cli('src/platform/admin-cli.ts', ['insurance', 'duoji', '--insurance', 'resident']);
    expect(stdout).toContain('索朗');
    const bindings = await h.api<{ asBeneficiary: Array<{ status: string }> }>('GET', `/v1/persons/${demoPerson('suolang').idNumber}/bindings`);
    expect(bindings.body.asBeneficiary[0]?.status).toBe('ended');
  });
});
