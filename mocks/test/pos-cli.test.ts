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
    expect(stdout).toMatch(/共济·边\*\s+¥80\.00/); // the counter sees masked names only
    expect(stdout).not.toContain(demoPerson('bianba').idNumber);
    expect(stdout).toMatch(/现金\s+¥0\.00/);
  });

  it('when the amount is not yuan, then it refuses with a usage message and exit code 2', async () => {
    await expect(cli('src/pos/cli.ts', ['--holder', 'deji', '--amount', '1.234'])).rejects.toMatchObject({ code: 2 });
  });

  it('when the counter previews (R22), settles, refunds 30 of 100 yuan (R23) and cancels with --json, then each form prints the platform’s answer and the balances follow', async () => {
    const duoji = demoPerson('duoji'); // 索朗's authorizer
    const balance = async (id: string) => (await h.api<{ balance: number }>('GET', `/v1/persons/${await h.psn(id)}`)).body.balance;
    const before = await balance(duoji.idNumber);
    const preview = JSON.parse((await cli('src/pos/cli.ts', ['--holder', 'suolang', '--amount', '100', '--at', 'P54010001', '--preview', '--json'])).stdout) as { preview: boolean; acctMulaidPay: number };
    expect(preview).toMatchObject({ preview: true, acctMulaidPay: 10000 });
    expect(await balance(duoji.idNumber)).toBe(before);
    const settled = JSON.parse((await cli('src/pos/cli.ts', ['--holder', 'suolang', '--amount', '100', '--id', 'CLI-S-1', '--json'])).stdout) as { settlementId: string; acctMulaidPay: number };
    expect(settled).toMatchObject({ settlementId: 'CLI-S-1', acctMulaidPay: 10000 });
    const refunded = await cli('src/pos/cli.ts', ['--refund', 'CLI-S-1', '--amount', '30']);
    expect(refunded.stdout).toContain('退费 ¥30.00');
    expect(refunded.stdout).toMatch(/重新结算 ¥70\.00/);
    expect(await balance(duoji.idNumber)).toBe(before - 7000);
    const again = await cli('src/pos/cli.ts', ['--cancel', 'CLI-S-1', '--json']).catch((error: { code: number; stdout: string }) => error);
    expect(again).toMatchObject({ code: 1 });
    expect(JSON.parse((again as { stdout: string }).stdout)).toMatchObject({ error: { code: 'SETTLEMENT_ALREADY_CANCELLED' } });
  }, 60_000);

  it('when the platform refuses (a settlement already cancelled, a reversal from another institution), then the CLI exits 1 and prints the stable code', async () => {
    await cli('src/pos/cli.ts', ['--holder', 'suolang', '--amount', '20', '--id', 'CLI-S-2']);
    await cli('src/pos/cli.ts', ['--cancel', 'CLI-S-2', '--id', 'CLI-C-2']);
    await expect(cli('src/pos/cli.ts', ['--cancel', 'CLI-S-2'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('SETTLEMENT_ALREADY_CANCELLED') });
    await expect(cli('src/pos/cli.ts', ['--reverse', 'CLI-C-2', '--at', 'H54010001'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('INSTITUTION_MISMATCH') });
    const reversed = JSON.parse((await cli('src/pos/cli.ts', ['--reverse', 'CLI-C-2', '--json'])).stdout) as { originalKind: string; applied: boolean };
    expect(reversed).toMatchObject({ originalKind: 'cancellation', applied: true });
    const dead = await cli('src/pos/cli.ts', ['--reverse', 'CLI-NEVER-SENT']);
    expect(dead.stdout).toContain('原交易未生效');
  }, 60_000);

  it('when the admin ends 多吉’s employee insurance (R8), then the CLI reports the binding ended', async () => {
    const { stdout } = await cli('src/platform/admin-cli.ts', ['insurance', 'duoji', '--insurance', 'resident']);
    expect(stdout).toContain('索朗');
    const bindings = await h.api<{ asBeneficiary: Array<{ status: string }> }>('GET', `/v1/persons/${await h.psn(demoPerson('suolang').idNumber)}/bindings`);
    expect(bindings.body.asBeneficiary[0]?.status).toBe('ended');
  });
});
