/**
 * Driving the h5 build in Debian's Chromium with playwright-core, as a person would on a
 * phone: a 390×844 touch screen, taps, typing, and a screenshot after each step.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

export const ARTIFACTS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'test-artifacts', 'e2e')
export const STATIONED = '.taro_page.taro_page_stationed:not(.taro_page_shade)'

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export interface Phone {
  context: BrowserContext
  page: Page
  /** Errors thrown inside the page: a test fails if there are any. */
  errors: string[]
}

/** A separate phone: its own storage, so its own WeChat account and session. */
export async function newPhone(browser: Browser): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

/** The page in front (Taro keeps the pages below in the DOM). */
export const front = (page: Page): Locator => page.locator(STATIONED).last()

/** Waits for the page slide-in to end (~300 ms), then a little for data to arrive. */
export async function settle(page: Page, ms = 500): Promise<void> {
  await page.waitForSelector(STATIONED, { timeout: 20_000 })
  await page.waitForTimeout(ms)
}

/**
 * A finger tap at the element's centre. (click() refuses some elements inside Taro's
 * pull-to-refresh wrapper, although a real tap there works.)
 */
export async function tap(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 20_000 })
  await locator.scrollIntoViewIfNeeded()
  const box = await locator.boundingBox()
  if (!box) throw new Error('nothing to tap')
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

export async function tapText(page: Page, text: string): Promise<void> {
  await tap(page, front(page).getByText(text, { exact: true }).first())
}

/** Answers the open modal (Taro.showModal in h5) with the button of that text. */
export async function answerModal(page: Page, text: string): Promise<void> {
  // within the dialog: the page below may hold the same words (接受 in 查看并接受's page)
  const button = page.locator('.taro-modal__foot').last().getByText(text, { exact: true })
  await page.waitForTimeout(300)
  await tap(page, button)
}

export async function typeInto(page: Page, index: number, value: string): Promise<void> {
  const input = front(page).locator('input').nth(index)
  await input.click()
  await input.fill(value)
}

export async function shot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(250)
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

export async function loginAs(phone: Phone, base: string, name: string): Promise<void> {
  const { page } = phone
  await page.goto(`${base}/#/pages/login/index`)
  await settle(page)
  const person = front(page).locator('.demo-person').filter({ has: page.locator('.demo-person__name', { hasText: new RegExp(`^${name}`) }) })
  await tap(page, person.first())
  await page.waitForSelector(`${STATIONED} .person-card, ${STATIONED} .activate-call`, { timeout: 20_000 })
  await settle(page)
}

/** The face step: optionally pick the demo outcome, start, and wait to be sent back. */
export async function passFace(page: Page, outcome = '通过'): Promise<void> {
  await page.waitForSelector(`${STATIONED} .face-frame`, { timeout: 20_000 })
  await settle(page)
  await tapText(page, outcome)
  await tapText(page, '开始验证')
}

export async function text(page: Page): Promise<string> {
  return front(page).innerText()
}

/** The commitment letter (R9): open it, read to the end, tick, sign; ends back on the form. */
export async function signCommitment(page: Page): Promise<void> {
  await tapText(page, '阅读并签署')
  await settle(page)
  await front(page)
    .locator('.letter__scroll')
    .evaluate((el) => {
      el.scrollTop = el.scrollHeight
      el.dispatchEvent(new Event('scroll'))
    })
  await page.waitForTimeout(400)
  await tap(page, front(page).locator('.check-row'))
  await tapText(page, '签署承诺书')
  await page.waitForTimeout(1500)
  await settle(page)
}
