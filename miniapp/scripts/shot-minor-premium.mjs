import { BASE, launch, newPage, shot, loginAs, settle, tapText, typeIn, STATIONED } from './shots-lib.mjs'
const people = (await (await fetch(`${BASE}/api/demo/people`)).json()).items
const id = (key) => people.find((p) => p.key === key).idNumber
const browser = await launch()
const page = await newPage(browser)
await loginAs(page, '扎西')

// minor flow: 央金, 8 years old
await tapText(page, '添加家人')
await settle(page, 600)
await tapText(page, '子女')
await typeIn(page, 0, '央金')
await typeIn(page, 1, id('yangjin'))
await page.waitForTimeout(300)
await shot(page, '20-minor-switch')
await tapText(page, '人脸验证并绑定')
await page.waitForSelector(`${STATIONED} .face-frame`, { timeout: 15000 })
await settle(page, 500)
await tapText(page, '开始验证')
await page.waitForSelector(`${STATIONED} .done`, { timeout: 20000 })
await settle(page, 500)
await shot(page, '21-minor-bound')

// pay her premium
await tapText(page, '为孩子缴纳居民医保费')
await settle(page, 800)
await shot(page, '22-premiums')
await tapText(page, '从我的个人账户缴纳')
await page.waitForTimeout(600)
await shot(page, '23-premium-confirm')
await page.getByText('确认缴纳', { exact: true }).click()
await page.waitForSelector(`${STATIONED} .receipt`, { timeout: 15000 })
await settle(page, 500)
await shot(page, '24-premium-receipt')

// the pages after it
for (const [hash, name] of [
  ['/pages/index/index', '25-home-after'],
  ['/pages/invitations/index?box=sent', '26-invitations-sent'],
  ['/pages/bindings/index', '27-bindings'],
  ['/pages/history/index', '28-history'],
  ['/pages/notifications/index', '29-notifications'],
  ['/pages/claims/index', '30-claims'],
  ['/pages/premiums/index', '31-premiums-paid'],
  ['/pages/settings/index', '32-settings'],
]) {
  await page.goto(`${BASE}/#${hash}`)
  await settle(page, 1200)
  await shot(page, name, { full: true })
}
await browser.close()
