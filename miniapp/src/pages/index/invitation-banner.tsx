import { Text, View } from '@tarojs/components'
import type { InvitationView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { useRequest } from '@/hooks/useRequest'
import { relationToMe, relativeWord } from '@/i18n/labels'
import { navigate, ROUTES } from '@/utils/nav'
import { call } from '@/services/http'

/** The invitations waiting for me, newest first (the server sweeps expired ones). */
async function waiting(): Promise<InvitationView[]> {
  const { items } = await call('listInvitations', { query: { box: 'received' } })
  const now = Date.now()
  return items.filter((i) => i.status === 'pending' && i.expiresAt > now).sort((a, b) => b.createdAt - a.createdAt)
}

/**
 * Item 1: an invited parent is led to the invitation from the top of home, not by a badge:
 * 我的儿子 · 扎* 邀请您共享医保个人账户 → 查看并接受, opening that very invitation.
 */
export function InvitationBanner({ count }: { count: number }) {
  const { data } = useRequest(waiting, [count])
  const first = data?.[0]
  if (!first) return null
  const who = `${relativeWord(relationToMe(first.relation, 'beneficiary'), first.counterpart.maskedIdNumber)} · ${first.counterpart.maskedName}`
  return (
    <View className='invite-banner' role='region' aria-label='待处理的邀请'>
      <View className='invite-banner__text'>
        <Text className='invite-banner__who'>{who}</Text>
        <Text>邀请您共享医保个人账户</Text>
        {data.length > 1 && <Text className='invite-banner__more'>（共{data.length}条邀请）</Text>}
      </View>
      <AppButton type='primary' block onClick={() => navigate(`${ROUTES.invitations}?box=received&id=${encodeURIComponent(first.invitationId)}`)}>
        查看并接受
      </AppButton>
    </View>
  )
}
