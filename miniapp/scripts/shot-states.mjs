// Loading, error and empty states, the unbinding flow, and large-text mode.
import { BASE, launch, newPage, shot, loginAs, settle, tapText, STATIONED } from './shots-lib.mjs'
const browser = await launch()
const page = await newPage(browser)

// error: the BFF answers 503 for home
await loginAs(page, '次仁')
await page.route('**/api/home', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'platform down', requestId: 'req-7f3a' } }) }))
await page.goto(`${BASE}/#/pages/index/index`)
await settle(page, 1000)
await shot(page, '60-home-error')
await page.unroute('**/api/home')
await tapText(page, '重新加载')
await page.waitForTimeout(1200)
await shot(page, '61-home-after-retry')

// error: no network for the history list
await page.route('**/api/history/deductions**', (route) => route.abort('internetdisconnected'))
await page.goto(`${BASE}/#/pages/history/index`)
await settle(page, 1200)
await shot(page, '62-history-network-error')
await page.unroute('**/api/history/deductions**')

// loading: hold the invitations answer
let release
await page.route('**/api/invitations**', async (route) => { await new Promise((r) => (release = r)); await route.continue() })
await page.goto(`${BASE}/#/pages/invitations/index`)
await page.waitForSelector(STATIONED, { timeout: 15000 })
await page.waitForTimeout(500)
await shot(page, '63-invitations-loading')
release?.(); await page.waitForTimeout(300); release?.()
await page.unroute('**/api/invitations**')

// empty states (次仁 has nothing yet)
for (const [hash, name] of [
  ['/pages/invitations/index?box=sent', '64-invitations-empty'],
  ['/pages/history/index', '65-history-empty'],
  ['/pages/notifications/index', '66-notifications-empty'],
  ['/pages/bindings/index', '67-bindings-empty'],
  ['/pages/premiums/index', '68-premiums-empty'],
]) {
  await page.goto(`${BASE}/#${hash}`)
  await settle(page, 1200)
  await shot(page, name)
}

// large text on every page
await page.goto(`${BASE}/#/pages/settings/index`)
await settle(page, 600)
await tapText(page, '大字模式')
await page.waitForTimeout(400)
await shot(page, '70-settings-large')
await browser.close()
