/**
 * Issue 11 item 4, on the h5 build in Chromium: 扎西 invites his mother and copies the link
 * (h5's 发送给家人); 卓玛 opens it on her own phone (a fresh browser context, nothing stored),
 * logs in, activates her e-credential, lands back on the invitation and accepts. 次仁, who
 * opens the same link on his phone, learns nothing about the people involved.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { demoPerson } from '../../mocks/src/platform/demo-people'
import { answerModal, front, launchBrowser, newPhone, passFace, settle, shot, signCommitment, STATIONED, tap, tapText, text, typeInto, type Phone } from './browser'

const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist-h5')

let stack: Stack
let browser: Browser
let base: string
const phones: Phone[] = []

beforeAll(async () => {
  stack = await startStack({ h5Dist: dist, rateLimitScale: 100, demo: true })
  base = stack.bff.url
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

async function phone(): Promise<Phone> {
  const made = await newPhone(browser)
  phones.push(made)
  return made
}

/** On the login page: the demo account of that name (the h5 build's stand-in for wx.login). */
async function pickDemoAccount(p: Phone, name: string): Promise<void> {
  const { page } = p
  await page.waitForSelector(`${STATIONED} .demo-person`, { timeout: 20_000 })
  const person = front(page).locator('.demo-person').filter({ has: page.locator('.demo-person__name', { hasText: new RegExp(`^${name}`) }) })
  await tap(page, person.first())
}

/** The activation form with the demo account's registry data and a passed face check. */
async function activateHere(p: Phone): Promise<void> {
  const { page } = p
  await page.waitForSelector(`${STATIONED} .activate`, { timeout: 20_000 })
  await settle(page)
  await tapText(page, '填入')
  await tapText(page, '下一步：人脸验证')
  await passFace(page)
}

let link = ''

describe('the invitation link, h5 (发送给家人)', () => {
  it('when 扎西 invites 卓玛, then the answer offers a link to copy that names no one', async () => {
    const zhaxi = await phone()
    const { page } = zhaxi
    await page.goto(`${base}/#/pages/login/index`)
    await settle(page)
    await pickDemoAccount(zhaxi, '扎西')
    await page.waitForSelector(`${STATIONED} .activate-call, ${STATIONED} .person-card`, { timeout: 20_000 })
    await settle(page)
    await tapText(page, '立即激活')
    await activateHere(zhaxi)
    await page.waitForSelector(`${STATIONED} .person-card`, { timeout: 25_000 })
    await settle(page)

    await tapText(page, '添加家人')
    await settle(page)
    await signCommitment(page)
    await tapText(page, '父母')
    await typeInto(page, 0, '卓玛')
    await typeInto(page, 1, demoPerson('zhuoma').idNumber)
    await tapText(page, '下一步：人脸验证')
    await passFace(page)
    await page.waitForSelector(`${STATIONED} .share-invitation__url`, { timeout: 25_000 })
    await settle(page)
    link = (await front(page).locator('.share-invitation__url').innerText()).trim()
    expect(link).toMatch(new RegExp(`^${base}/#/pages/invite/index\\?t=[A-Za-z0-9_.-]+$`))
    expect(link).not.toContain(demoPerson('zhuoma').idNumber)
    expect(await text(page)).toContain('复制链接')
    await shot(page, 'link-01-zhaxi-copy-link')
  })

  it('when 次仁 opens the same link on his phone, then after login he learns nothing about the people or the invitation', async () => {
    const ciren = await phone()
    const { page } = ciren
    await page.goto(link)
    await pickDemoAccount(ciren, '次仁')
    // back on the landing page after login: either "activate first" or "cannot be shown" — nothing more
    await page.waitForSelector(`${STATIONED} .invite, ${STATIONED} .page-state`, { timeout: 25_000 })
    await settle(page, 900)
    if (await front(page).getByText('去激活', { exact: true }).count()) {
      await tapText(page, '去激活')
      await activateHere(ciren)
      await page.waitForSelector(`${STATIONED} .page-state`, { timeout: 25_000 })
      await settle(page, 900)
    }
    const seen = await text(page)
    expect(seen).toContain('无法查看这条邀请')
    for (const word of ['扎', '卓', '父母', '共享使用其', demoPerson('zhaxi').idNumber.slice(0, 6)]) expect(seen).not.toContain(word)
    await shot(page, 'link-02-ciren-learns-nothing')
  })

  it('when 卓玛 opens the link on her own phone, then she logs in, activates, lands on the invitation and accepts it (R1, R7)', async () => {
    const zhuoma = await phone()
    const { page } = zhuoma
    await page.goto(link)
    await pickDemoAccount(zhuoma, '卓玛')
    await page.waitForSelector(`${STATIONED} .invite`, { timeout: 25_000 })
    await settle(page)
    expect(await text(page)).toContain('先激活医保电子凭证')
    await shot(page, 'link-03-zhuoma-activate-first')
    await tapText(page, '去激活')
    await activateHere(zhuoma)

    await page.waitForSelector(`${STATIONED} .invitation`, { timeout: 25_000 })
    await settle(page)
    const shown = await text(page)
    expect(shown).toContain('扎*')
    expect(shown).toContain('邀请您共享使用其职工医保个人账户')
    await shot(page, 'link-04-zhuoma-landed-on-invitation')
    await tapText(page, '接受邀请')
    await page.waitForTimeout(500)
    await answerModal(page, '接受')
    await page.waitForSelector(`${STATIONED} .binding`, { timeout: 25_000 })
    await settle(page)
    expect(await text(page)).toContain('生效中')
    await shot(page, 'link-05-zhuoma-bound')
  })

  it('when it is over, then no page threw an error on any phone', () => {
    expect(phones.flatMap((p) => p.errors)).toEqual([])
  })
})
