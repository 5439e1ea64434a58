import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { InvitationView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { messageOf } from '@/i18n/error-messages'
import { call, isApiError } from '@/services/http'
import { hasSession } from '@/services/session'
import { askToNotify } from '@/services/subscribe'
import { confirm } from '@/utils/dialog'
import { goHome, ROUTES } from '@/utils/nav'
import { forgetInvite, rememberInvite } from '@/utils/pending-invite'
import { InvitationCard, type InvitationAction } from '../invitations/invitation-card'
// The same card as on 我的邀请, with its styles.
import '../invitations/index.scss'

type State =
  | { kind: 'loading' }
  | { kind: 'shown'; invitation: InvitationView }
  | { kind: 'needs-activation' }
  | { kind: 'invalid' }
  | { kind: 'broken'; error: unknown }

/**
 * Where a shared invitation (发送给家人) lands: /pages/invite/index?t=<signed token>. The
 * invitee who is not logged in goes through login, and one without an activated e-credential
 * through activation; both come back here (utils/pending-invite). Anyone else sees only that
 * the link cannot be shown — the BFF tells nothing about the people involved.
 */
export default function Invite() {
  const token = useRouter().params.t ?? ''
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!token) return setState({ kind: 'invalid' })
    rememberInvite(token)
    if (!hasSession()) {
      void Taro.reLaunch({ url: ROUTES.login })
      return
    }
    try {
      const invitation = await call('openInvitationLink', { params: { token } })
      forgetInvite()
      setState({ kind: 'shown', invitation })
    } catch (error) {
      if (isApiError(error) && error.code === 'ECREDENTIAL_REQUIRED') setState({ kind: 'needs-activation' })
      else if (isApiError(error) && (error.code === 'INVITATION_LINK_INVALID' || error.code === 'VALIDATION_FAILED')) {
        forgetInvite()
        setState({ kind: 'invalid' })
      } else setState({ kind: 'broken', error })
    }
  }, [token])

  useEffect(() => {
    void load()
  }, [load])
  // Back from activation (navigateTo'd from here): look again.
  useDidShow(() => {
    if (state.kind === 'needs-activation') void load()
  })

  const act = async (action: InvitationAction) => {
    if (state.kind !== 'shown' || busy) return
    if (action === 'accept') {
      if (!(await confirm({ title: '接受邀请', content: '接受后立即生效，对方的职工医保个人账户可用于您的医药费用。', confirmText: '接受', cancelText: '再想想' }))) return
      await askToNotify('accept')
    }
    setBusy(true)
    try {
      const done = await call(action === 'accept' ? 'acceptInvitation' : 'rejectInvitation', { params: { invitationId: state.invitation.invitationId } })
      Taro.showToast({ title: action === 'accept' ? '已接受' : '已拒绝', icon: 'success' })
      if ('bindingId' in done && action === 'accept') void Taro.reLaunch({ url: ROUTES.bindings })
      else setState({ kind: 'shown', invitation: done as InvitationView })
    } catch (error) {
      setState({ kind: 'broken', error })
    } finally {
      setBusy(false)
    }
  }

  if (state.kind === 'loading') {
    return (
      <PageShell>
        <PageState status='loading' />
      </PageShell>
    )
  }
  if (state.kind === 'invalid') {
    return (
      <PageShell>
        <PageState status='empty' title='无法查看这条邀请' description='链接无效、已过期，或者这条邀请不是发给您的。' action={{ text: '返回首页', onClick: goHome }} />
      </PageShell>
    )
  }
  if (state.kind === 'needs-activation') {
    return (
      <PageShell className='invite'>
        <Notice tone='info' title='先激活医保电子凭证'>
          查看并接受家人的邀请前，需要先激活您本人的医保电子凭证。激活后会回到这条邀请。
        </Notice>
        <AppButton type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: ROUTES.activate })}>
          去激活
        </AppButton>
      </PageShell>
    )
  }
  if (state.kind === 'broken') {
    return (
      <PageShell>
        <PageState status='error' title='没有成功' error={state.error} onRetry={() => void load()} />
        <Notice tone='danger'>{messageOf(state.error)}</Notice>
      </PageShell>
    )
  }
  return (
    <PageShell className='invite'>
      <InvitationCard invitation={state.invitation} now={Date.now()} busy={busy} onAction={(action) => void act(action)} />
    </PageShell>
  )
}
