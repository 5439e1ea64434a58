// Helpers to walk the h5 build in Chromium and take screenshots (see screenshots.mjs).
import { chromium } from 'playwright-core'

export const BASE = process.env.FS_BASE ?? 'http://127.0.0.1:3100'
export const OUT = process.env.FS_OUT ?? new URL('../../test-artifacts/', import.meta.url).pathname

export async function launch() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return browser
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message))
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()) })
  return page
}

export const STATIONED = '.taro_page.taro_page_stationed:not(.taro_page_shade)'

export async function settle(page, ms = 400) {
  await page.waitForSelector(STATIONED, { timeout: 15000 })
  await page.waitForTimeout(ms)
}

/** The visible (top) page. */
export const top = (page) => page.locator(STATIONED).last()

export async function shot(page, name, { full = false } = {}) {
  await page.waitForTimeout(250)
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: full })
  console.log('shot', name)
}

export async function go(page, hash) {
  await page.goto(`${BASE}/#${hash}`)
  await settle(page)
}

/**
 * A finger tap at the element's centre. (Playwright's click() refuses some elements inside
 * Taro's pull-to-refresh wrapper, saying the wrapper "intercepts pointer events", although a
 * real tap there works: document.elementFromPoint finds the element.)
 */
export async function tapOn(page, locator) {
  await locator.waitFor({ state: 'visible', timeout: 15000 })
  await locator.scrollIntoViewIfNeeded()
  const box = await locator.boundingBox()
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

export async function tapText(page, text, { exact = true } = {}) {
  await tapOn(page, top(page).getByText(text, { exact }).first())
}

export async function loginAs(page, name) {
  await page.goto(`${BASE}/#/pages/login/index`)
  await settle(page)
  // by the name line only: other people's descriptions mention names too
  await tapOn(page, top(page).locator('.demo-person').filter({ has: page.locator('.demo-person__name', { hasText: new RegExp(`^${name}`) }) }).first())
  await page.waitForSelector(`${STATIONED} .home, ${STATIONED} .activate-call`, { timeout: 15000 }).catch(() => undefined)
  await settle(page, 800)
}

export async function typeIn(page, index, value) {
  const input = top(page).locator('input').nth(index)
  await input.click()
  await input.fill(value)
}
