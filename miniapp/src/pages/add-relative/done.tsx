import { View } from '@tarojs/components'
import type { BindingView, InvitationView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { ShareInvitation } from '@/components/share-invitation'
import { relativeWord } from '@/i18n/labels'
import { withinTtl } from '@/i18n/policy-words'
import { usePolicy } from '@/hooks/usePolicy'
import { goHome, navigate, ROUTES } from '@/utils/nav'
import { formatDateTime, timeLeft } from '@/utils/time'

export type Outcome = { kind: 'invited'; invitation: InvitationView } | { kind: 'bound'; binding: BindingView }

export function Done({ outcome, share }: { outcome: Outcome; share?: { link: { path: string } | null; error: unknown } }) {
  const words = usePolicy()
  if (outcome.kind === 'invited') {
    const { invitation } = outcome
    return (
      <View className='done'>
        <View className='result-mark' />
        <View className='done__title'>邀请已发送</View>
        <View className='done__text'>
          已邀请{relativeWord(invitation.relation, invitation.counterpart.maskedIdNumber)} · {invitation.counterpart.maskedName}共享使用您的职工医保个人账户。
        </View>
        <View className='done__box'>
          <View className='done__row'>
            <View className='done__key'>有效期至</View>
            <View className='done__value nowrap'>{formatDateTime(invitation.expiresAt)}</View>
          </View>
          <View className='done__row'>
            <View className='done__key'>剩余时间</View>
            <View className='done__value'>{timeLeft(invitation.expiresAt) ?? '已过期'}</View>
          </View>
        </View>
        <View className='done__text done__text--muted'>请提醒家人在{withinTtl(words)}，用自己的微信登录本服务，激活医保电子凭证并接受邀请。接受后立即生效；超时未处理，邀请自动失效。</View>
        {share && <ShareInvitation link={share.link} error={share.error} />}
        <AppButton type='primary' size='large' block onClick={() => void navigate(`${ROUTES.invitations}?box=sent`)}>
          查看我的邀请
        </AppButton>
        <View className='done__second'>
          <AppButton type='plain' onClick={goHome}>
            返回首页
          </AppButton>
        </View>
      </View>
    )
  }
  const { binding } = outcome
  return (
    <View className='done'>
      <View className='result-mark' />
      <View className='done__title'>绑定成功，已生效</View>
      <View className='done__text'>
        您已作为监护人为孩子 {binding.counterpart.maskedName} 激活医保电子凭证，孩子看病买药可以使用您的个人账户。
      </View>
      <AppButton type='primary' size='large' block onClick={() => navigate(ROUTES.premiums)}>
        为孩子缴纳居民医保费
      </AppButton>
      <View className='done__second'>
        <AppButton type='secondary' block onClick={() => navigate(ROUTES.bindings)}>
          查看共济关系
        </AppButton>
      </View>
      <View className='done__second'>
        <AppButton type='plain' onClick={goHome}>
          返回首页
        </AppButton>
      </View>
    </View>
  )
}
