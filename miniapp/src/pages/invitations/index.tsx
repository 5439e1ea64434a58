import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { InvitationView } from '@family-share/shared'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tabs } from '@/components/tabs'
import { useNow } from '@/hooks/useNow'
import { useRequest } from '@/hooks/useRequest'
import { messageForInvitee, messageOf } from '@/i18n/error-messages'
import { usablePart, type PolicyWords } from '@/i18n/policy-words'
import { usePolicy } from '@/hooks/usePolicy'
import { call, isApiError } from '@/services/http'
import { askToNotify } from '@/services/subscribe'
import { navigate, ROUTES } from '@/utils/nav'
import { InvitationCard, type InvitationAction } from './invitation-card'
import { alert, confirm } from '@/utils/dialog'
import './index.scss'

type InvitationBox = 'sent' | 'received'

async function loadBoth() {
  const [received, sent] = await Promise.all([call('listInvitations', { query: { box: 'received' } }), call('listInvitations', { query: { box: 'sent' } })])
  return { received: received.items, sent: sent.items }
}

const CONFIRM = (words: PolicyWords | undefined): Record<InvitationAction, { title: string; content: string; confirmText: string; tone: 'normal' | 'danger' }> => ({
  accept: { title: '接受邀请', content: `接受后立即生效：您看病买药时，可以使用对方职工医保个人账户中${usablePart(words)}。`, confirmText: '接受', tone: 'normal' },
  reject: { title: '拒绝邀请', content: '拒绝后，对方需要重新发起邀请。', confirmText: '拒绝', tone: 'danger' },
  cancel: { title: '撤回邀请', content: '撤回后，对方将不能再接受这条邀请。', confirmText: '撤回', tone: 'danger' },
})

/** Toast titles: WeChat shows at most 7 characters next to an icon. */
const DONE: Record<InvitationAction, string> = { accept: '已接受', reject: '已拒绝', cancel: '已撤回' }

/** Invitations I sent and received: accept, reject, cancel; expiry as a countdown (R19). */
export default function Invitations() {
  const { params } = useRouter()
  const [box, setBox] = useState<InvitationBox>(params.box === 'sent' ? 'sent' : 'received')
  const { data, loading, error, reload } = useRequest(loadBoth)
  const [busyId, setBusyId] = useState<string | null>(null)
  const now = useNow(30_000)
  const words = usePolicy()
  // from the home banner (item 1): this invitation first, marked
  const wanted = params.id ? decodeURIComponent(params.id) : null
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const act = async (action: InvitationAction, invitation: InvitationView) => {
    if (busyId) return
    if (!(await confirm({ ...CONFIRM(words)[action], cancelText: '再想想' }))) return
    if (action === 'accept') await askToNotify('accept')
    setBusyId(invitation.invitationId)
    try {
      if (action === 'accept') await call('acceptInvitation', { params: { invitationId: invitation.invitationId } })
      else if (action === 'reject') await call('rejectInvitation', { params: { invitationId: invitation.invitationId } })
      else await call('cancelInvitation', { params: { invitationId: invitation.invitationId } })
      Taro.showToast({ title: DONE[action], icon: 'success' })
    } catch (caught) {
      const needsActivation = isApiError(caught) && (caught.code === 'ECREDENTIAL_REQUIRED' || caught.code === 'BENEFICIARY_ECREDENTIAL_INACTIVE')
      const message = invitation.box === 'received' ? messageForInvitee(caught) : messageOf(caught)
      if (!needsActivation) await alert('没有成功', message)
      else if (await confirm({ title: '没有成功', content: message, confirmText: '去激活' })) navigate(ROUTES.activate)
    } finally {
      setBusyId(null)
      void reload()
    }
  }

  const pendingReceived = data ? data.received.filter((i) => i.status === 'pending' && i.expiresAt > now).length : 0
  const listed = data ? data[box] : []
  const items = wanted ? [...listed.filter((i) => i.invitationId === wanted), ...listed.filter((i) => i.invitationId !== wanted)] : listed

  return (
    <PageShell className='invitations'>
      <Tabs<InvitationBox>
        items={[
          { key: 'received', label: '收到的邀请', badge: pendingReceived },
          { key: 'sent', label: '发出的邀请' },
        ]}
        active={box}
        onChange={setBox}
      />
      {!data ? (
        loading ? (
          <PageState status='loading' />
        ) : (
          <PageState status='error' error={error} onRetry={reload} />
        )
      ) : items.length === 0 ? (
        box === 'received' ? (
          <PageState status='empty' title='没有收到邀请' description='家人向您发出共享邀请后，会显示在这里。' />
        ) : (
          <PageState status='empty' title='还没有发出邀请' description={`邀请家人后，家人可以使用您职工医保个人账户中${usablePart(words)}。`} action={{ text: '添加家人', onClick: () => navigate(ROUTES.addRelative) }} />
        )
      ) : (
        items.map((invitation) => (
          <InvitationCard key={invitation.invitationId} invitation={invitation} highlighted={invitation.invitationId === wanted} now={now} busy={busyId === invitation.invitationId} onAction={(action) => act(action, invitation)} />
        ))
      )}
    </PageShell>
  )
}
