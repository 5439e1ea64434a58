/**
 * Issue 12 item 11 (STYLE 14), issue 13 item 8: every text that states a policy value takes it
 * from the policy the BFF sent. The pages that state one are rendered under the Ngari 2025
 * policy and under the test-only region (shared/test/policies/test-region.ts, the same file the
 * shared and platform tests run under); under the test region no Tibet value may remain. The
 * commitment page shows the letter of the policy (R9) and signs that letter's version.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { commitmentReserveNote, NGARI_2025, RELATIONS, type Policy, type PolicySummary, type ResponseOf } from '@family-share/shared'
import { TEST_REGION } from '../../shared/test/policies/test-region'

vi.mock('@tarojs/taro', async (original) => (await import('./support/taro')).taroMock(await original()))
vi.mock('@/services/home', () => ({ getHome: vi.fn() }))
vi.mock('@/services/premiums', async (original) => ({ ...(await original<object>()), listPremiums: vi.fn() }))
vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))
vi.mock('@/services/face', () => ({ startFaceSession: vi.fn(), completeFaceSession: vi.fn(), getFaceStatus: vi.fn() }))
vi.mock('@/utils/face-handoff', () => ({ faceRequestOf: vi.fn(), answerFaceRequest: vi.fn(), verifyFace: vi.fn() }))
vi.mock('@/services/policy', () => ({ loadPolicy: vi.fn(() => new Promise(() => undefined)) }))
vi.mock('@/services/auth', () => ({ listDemoPeople: vi.fn(), loginAsDemoPerson: vi.fn(), loginWithWechat: vi.fn() }))

import Bindings from '@/pages/bindings/index'
import Claims from '@/pages/claims/index'
import Commitment from '@/pages/commitment/index'
import Face from '@/pages/face/index'
import Home from '@/pages/index/index'
import AddRelative from '@/pages/add-relative/index'
import Invitations from '@/pages/invitations/index'
import Login from '@/pages/login/index'
import Notifications from '@/pages/notifications/index'
import Premiums from '@/pages/premiums/index'
import Settings from '@/pages/settings/index'
import { listDemoPeople } from '@/services/auth'
import { getFaceStatus } from '@/services/face'
import { getHome } from '@/services/home'
import { listPremiums } from '@/services/premiums'
import { rememberPolicy } from '@/services/policy-store'
import { faceRequestOf } from '@/utils/face-handoff'
import { RELATION_LABELS } from '@/i18n/labels'
import { BINDINGS, COMMITMENT, home, NOW } from './support/fixtures'
import { endpoint } from './support/api'
import { resetTaroMock, router } from './support/taro'

/** What the BFF sends for a policy (bff/src/use-cases/views.ts policySummary). */
const summaryOf = (p: Policy): PolicySummary => ({
  name: p.name,
  maxAuthorizersPerBeneficiary: p.maxAuthorizersPerBeneficiary,
  reserveFloor: p.reserveFloor,
  reserveMode: p.reserveMode,
  invitationTtlHours: p.invitationTtlHours,
  minorAge: p.minorAge,
  allowedRelations: [...p.allowedRelations],
  regionName: p.regionName,
  hotline: p.hotline,
  counterName: p.counterName,
  basis: p.basis,
})

const NGARI = summaryOf(NGARI_2025)
/** Other values everywhere: whatever still says a Tibet value is a literal. */
const OTHER = summaryOf(TEST_REGION)

/** R9: the letter as the BFF sends it under a policy (bff/src/use-cases/commitment.ts getCommitment). */
const letterOf = (p: PolicySummary): ResponseOf<'commitment'> => {
  const policy = [NGARI_2025, TEST_REGION].find((full) => full.name === p.name)!
  return { ...policy.commitment, paragraphs: [...policy.commitment.paragraphs], reserveNote: commitmentReserveNote(policy), acceptedAt: null }
}

/** The Tibet values as a stale literal would show them. */
const STALE = [/3000/, /3,000/, /72小时/, /16周岁/, /西藏/, /12393/, /藏医保办/, /经办机构窗口/]

interface PageCase {
  name: string
  /** what the page must say under a policy */
  expect: (p: PolicySummary) => string[]
  mount: (p: PolicySummary) => Promise<HTMLElement>
  /** what the page must not say under a policy */
  absent?: (p: PolicySummary) => string[]
  /** what the page then sends under a policy */
  then?: (p: PolicySummary, container: HTMLElement) => Promise<void>
}

const floorWords = (p: PolicySummary) => `${(p.reserveFloor / 100).toLocaleString('en-US')}元`
/** R13 as the pages word it: the part above the floor, or (gate) the whole balance while above it. */
const usableWords = (p: PolicySummary) => (p.reserveMode === 'floor' ? `超过${floorWords(p)}的部分` : `余额高于${floorWords(p)}时的余额`)

const PAGES: PageCase[] = [
  {
    name: 'home (the reserve)',
    expect: (p) => [p.reserveMode === 'floor' ? `账户需保留${floorWords(p)}` : `余额高于${floorWords(p)}时，家人可以使用`],
    mount: async (p) => {
      vi.mocked(getHome).mockResolvedValue(home({ policy: p, pendingInvitations: 0 }))
      const { container } = render(<Home />)
      await screen.findByText('可供家人使用')
      return container
    },
  },
  {
    name: 'bindings, empty (the usable part)',
    expect: (p) => [usableWords(p)],
    mount: async (p) => {
      vi.mocked(getHome).mockResolvedValue(home({ policy: p }))
      endpoint('listBindings').mockResolvedValue({ ...BINDINGS, asAuthorizer: [], policy: p })
      const { container } = render(<Bindings />)
      await screen.findByText('还没有家庭共济关系')
      return container
    },
  },
  {
    name: 'invitations, none sent',
    expect: (p) => [usableWords(p)],
    mount: async () => {
      router.params = { box: 'sent' }
      endpoint('listInvitations').mockResolvedValue({ items: [] })
      const { container } = render(<Invitations />)
      await screen.findByText('还没有发出邀请')
      return container
    },
  },
  {
    name: 'premiums (the reserve)',
    expect: (p) => [`最低保留${floorWords(p)}`],
    mount: async () => {
      vi.mocked(listPremiums).mockResolvedValue({ year: 2026, usableForFamily: 500000, items: [] })
      const { container } = render(<Premiums />)
      await screen.findByText('个人账户可用于家人')
      return container
    },
  },
  {
    name: 'add a relative (the time limit and the relations, R3)',
    expect: (p) => [`${p.invitationTtlHours}小时内`, ...p.allowedRelations.map((r) => RELATION_LABELS[r])],
    absent: (p) => RELATIONS.filter((r) => !p.allowedRelations.includes(r)).map((r) => RELATION_LABELS[r]),
    mount: async () => {
      endpoint('commitment').mockResolvedValue({ ...COMMITMENT, acceptedAt: NOW })
      const { container } = render(<AddRelative />)
      await screen.findByText('家人姓名')
      return container
    },
  },
  {
    name: 'commitment (the region\'s letter, R9)',
    expect: (p) => {
      const letter = letterOf(p)
      return [letter.title, ...letter.paragraphs, letter.reserveNote]
    },
    mount: async (p) => {
      endpoint('commitment').mockResolvedValue(letterOf(p))
      endpoint('acceptCommitment').mockResolvedValue({ version: letterOf(p).version, acceptedAt: NOW })
      const { container } = render(<Commitment />)
      await screen.findByText(letterOf(p).title)
      return container
    },
    then: async (p, container) => {
      fireEvent(container.querySelector('.letter__scroll') as Element, new CustomEvent('scrolltolower'))
      const check = screen.getByText('我已阅读并同意以上承诺').parentElement as HTMLElement
      await waitFor(() => expect(check.getAttribute('aria-disabled')).toBe('false'))
      fireEvent.click(check)
      fireEvent.click(screen.getByText('签署承诺书'))
      await waitFor(() => expect(endpoint('acceptCommitment')).toHaveBeenCalledWith({ body: { version: letterOf(p).version } }))
    },
  },
  {
    name: 'login (the region)',
    expect: (p) => [`${p.regionName}职工医保个人账户`],
    mount: async () => {
      vi.mocked(listDemoPeople).mockResolvedValue({ items: [] })
      const { container } = render(<Login />)
      await screen.findByText(/职工医保个人账户 · 家人共享使用/)
      return container
    },
  },
  {
    name: 'settings (region and basis)',
    expect: (p) => [`${p.regionName}职工医保个人账户家庭共济`, p.basis],
    mount: async () => {
      const { container } = render(<Settings />)
      await screen.findByText('大字模式')
      return container
    },
  },
  {
    name: 'face, locked (counter and hotline)',
    expect: (p) => [p.counterName, `医保服务热线 ${p.hotline}`],
    mount: async () => {
      router.params = { purpose: 'bind', target: '540102195807202428', rid: 'r1' }
      vi.mocked(faceRequestOf).mockReturnValue({ purpose: 'bind', target: '540102195807202428' })
      vi.mocked(getFaceStatus).mockResolvedValue({ attemptsLeft: 0, lockedUntil: Date.now() + 3_600_000 })
      const { container } = render(<Face />)
      await screen.findByText('失败次数过多，人脸验证已暂时锁定')
      return container
    },
  },
  {
    name: 'claims (the hotline)',
    expect: (p) => [`拨打医保服务热线 ${p.hotline}`],
    mount: async () => {
      endpoint('claims').mockResolvedValue({ items: [], materials: [], notes: [] })
      const { container } = render(<Claims />)
      await screen.findByText('暂无报销申请')
      return container
    },
  },
  {
    name: 'notifications (the time limit)',
    expect: (p) => [`请在${p.invitationTtlHours}小时内接受或拒绝`, `超过${p.invitationTtlHours}小时未处理`],
    mount: async () => {
      endpoint('notifications').mockResolvedValue({
        items: [
          { id: 'n1', kind: 'INVITATION_RECEIVED', at: NOW, read: true, data: { fromName: '扎*' } },
          { id: 'n2', kind: 'INVITATION_EXPIRED', at: NOW - 1000, read: true, data: { otherName: '卓*' } },
        ],
        nextCursor: null,
        unread: 0,
      })
      const { container } = render(<Notifications />)
      await screen.findByText('收到家庭共济邀请')
      return container
    },
  },
]

describe('policy values in page text (issue 12 item 11, STYLE 14)', () => {
  beforeEach(() => {
    localStorage.clear()
    resetTaroMock()
    vi.clearAllMocks()
  })

  describe.each([
    ['the Ngari 2025 policy', NGARI],
    ['the test-only region', OTHER],
  ])('under %s', (_, policy) => {
    it.each(PAGES.map((page) => [page.name, page] as const))('when %s is shown, then it states the values of this policy', async (_, page) => {
      rememberPolicy(policy)
      const container = await page.mount(policy)
      await waitFor(() => {
        for (const words of page.expect(policy)) expect(container.textContent).toContain(words)
      })
      for (const words of page.absent?.(policy) ?? []) expect(container.textContent, `${page.name}: ${words}`).not.toContain(words)
      if (policy === OTHER) for (const stale of STALE) expect(container.textContent, `${page.name}: ${stale}`).not.toMatch(stale)
      await page.then?.(policy, container)
    })
  })
})
