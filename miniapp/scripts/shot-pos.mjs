// After counter payments made with the POS simulator (npm run pos -w mocks -- …):
// 边巴's payments with their split, 拉巴's deductions, 德吉's payment paid in cash (R13).
import { BASE, launch, newPage, shot, loginAs, settle, tapText } from './shots-lib.mjs'
const browser = await launch()
for (const [who, tab, name] of [
  ['边巴', '我的消费', '90-bianba-payments'],
  ['拉巴', null, '91-laba-deductions'],
  ['德吉', '我的消费', '92-deji-payments'],
]) {
  const page = await newPage(browser)
  await loginAs(page, who)
  await shot(page, `${name}-home`)
  await page.goto(`${BASE}/#/pages/history/index`)
  await settle(page, 1200)
  if (tab) {
    await tapText(page, tab)
    await page.waitForTimeout(1200)
  }
  await shot(page, name, { full: true })
  await page.goto(`${BASE}/#/pages/notifications/index`)
  await settle(page, 1200)
  await shot(page, `${name}-notifications`)
}
await browser.close()
