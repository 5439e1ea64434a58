// 扎西 in large-text mode, and ending the binding with 卓玛 (unbind face step).
import { BASE, launch, newPage, shot, loginAs, settle, tapOn, tapText, top, STATIONED } from './shots-lib.mjs'
const browser = await launch()
const page = await newPage(browser)
await loginAs(page, '扎西')
await tapText(page, '大字：关')
await page.waitForTimeout(500)
await shot(page, '71-home-large')
await shot(page, '71-home-large-full', { full: true })
for (const [hash, name] of [
  ['/pages/add-relative/index', '72-add-relative-large'],
  ['/pages/history/index', '73-history-large'],
  ['/pages/invitations/index?box=sent', '74-invitations-large'],
  ['/pages/claims/index', '75-claims-large'],
]) {
  await page.goto(`${BASE}/#${hash}`)
  await settle(page, 1200)
  await shot(page, name)
}
await page.goto(`${BASE}/#/pages/index/index`)
await settle(page, 800)
await tapText(page, '大字：开')
await page.waitForTimeout(300)

// end the binding with 卓玛
await page.goto(`${BASE}/#/pages/bindings/index`)
await settle(page, 1000)
await shot(page, '76-bindings-two')
await tapOn(page, top(page).locator('.binding', { hasText: '卓*' }).getByText('解除共济', { exact: true }))
await page.waitForTimeout(600)
await shot(page, '77-unbind-confirm')
await page.getByText('去验证', { exact: true }).click()
await page.waitForSelector(`${STATIONED} .face-frame`, { timeout: 15000 })
await settle(page, 600)
await shot(page, '78-face-unbind')
await tapText(page, '开始验证')
await page.waitForSelector(`${STATIONED} .binding--ended`, { timeout: 20000 })
await settle(page, 1000)
await shot(page, '79-bindings-after-unbind', { full: true })
await browser.close()
