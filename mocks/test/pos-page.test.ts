import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../miniapp/e2e/browser';
import { demoPerson } from '../src/platform/demo-people';
import { KEYS, startHarness, type Harness } from './harness';

/** The demo counter page (R21–R24) in Debian's Chromium; screenshots in test-artifacts/pos/. */
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts', 'pos');
let h: Harness;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness({ demo: true });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const balance = async (id: string) => (await h.api<{ balance: number }>('GET', `/v1/persons/${await h.psn(id)}`)).body.balance;

describe('the demo counter page (/pos)', () => {
  it('when the cashier previews, settles, refunds 30 yuan and cancels for 索朗, pays at a hospital not opened for sharing, and reverses an id never sent, then each answer shows on the page and the money follows', async () => {
    const suolang = demoPerson('suolang');
    const duoji = demoPerson('duoji');
    const before = await balance(duoji.idNumber);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (dialog) => void dialog.accept('30'));
    await page.goto(`${h.mocks.platformUrl}/pos`);
    await page.selectOption('#institution', 'P54010001');
    await page.selectOption('#person', suolang.idNumber);
    await page.fill('#amount', '128.50');

    await page.click('#preview');
    await page.getByText('预结算 ¥128.50（未扣款）').waitFor();
    await expect(page.locator('#answer').textContent()).resolves.toContain('家庭共济 · 多*¥128.50');
    expect(await balance(duoji.idNumber)).toBe(before);
    await shot(page, '01-pre-settlement');

    await page.click('#settle');
    await page.getByText(/结算完成 ¥128\.50/).waitFor();
    await page.locator('#list tr', { hasText: '¥128.50' }).getByText('已结算').waitFor();
    expect(await balance(duoji.idNumber)).toBe(before - 12850);
    await shot(page, '02-settled');

    await page.locator('#list tr', { hasText: '¥128.50' }).getByRole('button', { name: '退费' }).click();
    await page.getByText(/退费 ¥30\.00/).waitFor();
    await page.locator('#list tr', { hasText: '¥98.50' }).getByText('已结算').waitFor();
    await expect(page.locator('#list tr', { hasText: '¥128.50' }).textContent()).resolves.toContain('已撤销');
    expect(await balance(duoji.idNumber)).toBe(before - 9850);
    await shot(page, '03-partial-refund');

    await page.locator('#list tr', { hasText: '¥98.50' }).getByRole('button', { name: '撤销' }).click();
    await page.getByText(/已撤销结算单/).waitFor();
    await page.locator('#list tr', { hasText: '¥98.50' }).getByText('已撤销').waitFor();
    expect(await balance(duoji.idNumber)).toBe(before);
    await shot(page, '04-cancelled');

    await page.selectOption('#institution', 'H51010001');
    await page.fill('#amount', '50');
    await page.click('#settle');
    await page.getByText('本机构未开通异地家庭共济：由本人账户和现金支付。').waitFor();
    await expect(page.locator('#answer').textContent()).resolves.toContain('现金¥50.00');
    expect(await balance(duoji.idNumber)).toBe(before);
    await shot(page, '05-outside-tibet');

    await page.fill('#reverseId', 'POS-NEVER-SENT-1');
    await page.click('#reverse');
    await page.getByText('原交易未生效，此流水号已作废。').waitFor();
    await shot(page, '06-reversal');

    await page.selectOption('#institution', 'P54010001');
    await page.locator('#list tr', { hasText: '¥98.50' }).waitFor();
    await page.fill('#amount', '12');
    await page.fill('#idNumber', '540102199001011234');
    await page.click('#settle');
    await page.getByText('输入有误（VALIDATION_FAILED）').waitFor(); // the check character of this ID number is wrong
    await shot(page, '07-refused');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('when the platform does not run in demo mode, then there is no /pos', async () => {
    const plain = await startHarness({ seed: false, redis: h.redis });
    try {
      const response = await fetch(`${plain.mocks.platformUrl}/pos`, { headers: { 'x-platform-key': KEYS.platform } });
      expect(response.status).toBe(404);
      const api = await fetch(`${plain.mocks.platformUrl}/pos/api/day?institutionCode=P54010001&date=2026-01-01`);
      expect(api.status).toBe(401);
    } finally {
      await plain.close();
    }
  });
});
