/**
 * Issue 10 item 7 in Chromium, on the h5 build served by the BFF with the mocks and a real
 * Redis. The demo family 拉巴 → 边巴 (Shigatse, bound from the start): 边巴 pays twice at a
 * pharmacy counter and the first payment is cancelled there (R23) — both histories show the
 * refund as its own row, linked to the original marked 已撤销, and the totals are net. Then 边巴
 * checks 付款预估 (R22) at the default pharmacy and at a hospital not open for sharing (R21),
 * and both read their messages (R20).
 * Screenshots go to test-artifacts/e2e/ (refunds-*).
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { demoPerson } from '../../mocks/src/platform/demo-people'
import { front, launchBrowser, loginAs, newPhone, settle, shot, STATIONED, tap, tapText, text, typeInto, type Phone } from './browser'

const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist-h5')
const PHARMACY = { code: 'P54020001', name: '日喀则市桑珠孜区济民药店' }

let stack: Stack
let browser: Browser
let base: string
let laba: Phone
let bianba: Phone

beforeAll(async () => {
  stack = await startStack({ h5Dist: dist, rateLimitScale: 100, demo: true })
  base = stack.bff.url
  browser = await launchBrowser()
  ;[laba, bianba] = await Promise.all([newPhone(browser), newPhone(browser)])
})

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

/** The counter and the registry, as the pharmacy's terminal and the platform's own side reach them. */
async function platform(method: string, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${stack.mocks.platformUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-platform-key': stack.keys.platform },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

async function goto(phone: Phone, hash: string): Promise<void> {
  await phone.page.goto(`${base}/#${hash}`)
  await settle(phone.page, 900)
}

describe('refunds and the payment estimate in Chromium', () => {
  it('when 边巴’s ¥800 payment is cancelled at the pharmacy and a ¥600 one stands, then 拉巴’s home balance is right at once and his history shows the refund linked to the original (R23)', async () => {
    const bianbaId = demoPerson('bianba').idNumber
    // ¥800: her own ¥500 first (R11), ¥300 from 拉巴; then cancelled, every fen back where it came from.
    const first = await platform('POST', '/v1/counter/settlements', { settlementId: 'E2E-RF-1', cardHolderIdNumber: bianbaId, institutionCode: PHARMACY.code, charge: 80_000 })
    expect(first).toMatchObject({ acctPay: 50_000, acctMulaidPay: 30_000 })
    await platform('POST', '/v1/counter/cancellations', { cancellationId: 'E2E-RF-1-C', settlementId: 'E2E-RF-1', institutionCode: PHARMACY.code })
    // ¥600: her ¥500, ¥100 from 拉巴 — this one stands.
    await platform('POST', '/v1/counter/settlements', { settlementId: 'E2E-RF-2', cardHolderIdNumber: bianbaId, institutionCode: PHARMACY.code, charge: 60_000 })

    const { page } = laba
    await loginAs(laba, base, '拉巴')
    expect(await text(page)).toContain('¥11,900.00')
    await shot(page, 'refunds-01-laba-home')

    await tap(page, front(page).locator('.service-grid__item--history'))
    await settle(page, 1200)
    const history = await text(page)
    expect(history).toContain('+¥300.00')
    expect(history).toContain(`退回 · ${PHARMACY.name}`)
    expect(history).toContain('已撤销')
    expect(history).toContain('撤销退回')
    // The chart and its total are net of the refund: only the ¥100 that stands.
    expect(history).toMatch(/全年共扣款\s*¥100\.00/)
    await shot(page, 'refunds-02-laba-history')

    await tapText(page, '原扣款')
    await page.waitForTimeout(600)
    expect(await front(page).locator('.record--lit').innerText()).toContain('-¥300.00')
    await shot(page, 'refunds-03-laba-original-lit')
  })

  it('when 边巴 opens her payments, then the cancelled one is marked 已撤销 and the refund says what went back to which account', async () => {
    const { page } = bianba
    await loginAs(bianba, base, '边巴')
    await goto(bianba, '/pages/history/index')
    await tapText(page, '我的消费')
    await page.waitForTimeout(1200)
    const payments = await text(page)
    expect(payments).toContain('+¥800.00')
    expect(payments).toContain('退回本人账户')
    expect(payments).toContain('退回拉*的账户（家庭共济）')
    expect(payments).toContain('已撤销')
    expect(payments).toContain('¥600.00')
    await shot(page, 'refunds-04-bianba-payments')
  })

  it('when 边巴 checks 付款预估 for ¥128.50 from home, then she sees her own part, 拉* as her parent and cash, and nothing of his balance (R22)', async () => {
    // Her account is empty after the ¥600: the registry credits ¥50 so that all three parts show.
    // Admin paths name a person by the person number the platform gave (its 1101 lookup).
    const { psnNo } = await platform('POST', '/v1/persons/lookup', { idNumber: demoPerson('bianba').idNumber })
    await platform('PUT', `/v1/admin/persons/${String(psnNo)}/balance`, { balance: 5_000 })
    const { page } = bianba
    await goto(bianba, '/pages/index/index')
    await tap(page, front(page).locator('.service-grid__item--estimate'))
    await page.waitForSelector(`${STATIONED} .estimate-place`, { timeout: 20_000 })
    await settle(page)
    expect(await text(page)).toContain(PHARMACY.name)
    await typeInto(page, 0, '128.50')
    await shot(page, 'refunds-05-bianba-estimate-filled')
    await tapText(page, '预估支付方式')
    await page.waitForSelector(`${STATIONED} .estimate-result`, { timeout: 20_000 })
    await settle(page, 300)
    const answer = await text(page)
    expect(answer).toContain('¥128.50')
    expect(answer).toContain('支付后余额 ¥0.00')
    expect(answer).toContain('拉*（父母）的个人账户')
    expect(answer).toContain('¥78.50')
    for (const his of ['11,900', '8,900']) expect(answer).not.toContain(his)
    await shot(page, 'refunds-06-bianba-estimate')
  })

  it('when she picks a Chengdu hospital not open for sharing, then the estimate says why her parent’s account cannot pay there (R21)', async () => {
    const { page } = bianba
    await tapText(page, '更换')
    await page.waitForTimeout(300)
    await shot(page, 'refunds-07-bianba-estimate-places')
    await tapText(page, '成都市第三人民医院')
    await page.waitForTimeout(400)
    // Chosen: the list folds back to the one institution, marked as not open for sharing.
    expect(await front(page).locator('.estimate-place').count()).toBe(1)
    await tapText(page, '预估支付方式')
    await page.waitForSelector(`${STATIONED} .estimate-result .notice`, { timeout: 20_000 })
    await settle(page, 300)
    const answer = await text(page)
    expect(answer).toContain('这里不能使用家人的账户')
    expect(answer).toContain('¥78.50')
    await shot(page, 'refunds-08-bianba-estimate-not-open')
  })

  it('when both open their messages, then 拉巴 is told ¥300 came back and 边巴 that her payment was cancelled (R20)', async () => {
    await goto(laba, '/pages/notifications/index')
    const his = await text(laba.page)
    expect(his).toContain('个人账户退回')
    expect(his).toContain('¥300.00已退回您的个人账户')
    await shot(laba.page, 'refunds-09-laba-notifications')
    await goto(bianba, '/pages/notifications/index')
    const hers = await text(bianba.page)
    expect(hers).toContain('结算已撤销')
    expect(hers).toContain('本人账户退回¥500.00，家人账户退回¥300.00')
    await shot(bianba.page, 'refunds-10-bianba-notifications')
  })

  it('when it is all over, then no page threw an error on either phone', () => {
    expect([...laba.errors, ...bianba.errors]).toEqual([])
  })
})
