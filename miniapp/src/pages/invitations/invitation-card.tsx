import { View } from '@tarojs/components'
import type { InvitationView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { RelativeHead } from '@/components/relative-head'
import { Tag } from '@/components/tag'
import { wordsOf } from '@/i18n/error-messages'
import { INVITATION_STATUS_LABELS, relationToMe, relativeWord } from '@/i18n/labels'
import { formatDateTime, timeLeft } from '@/utils/time'

export type InvitationAction = 'accept' | 'reject' | 'cancel'

const STATUS_TONES = {
  pending: 'warning',
  accepted: 'success',
  rejected: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
  closed: 'neutral',
} as const

/** Why an invitation was closed before anyone answered it (issue 9): the refusal acceptance would meet. */
function closedReasonText(code: InvitationView['closedReason']): string {
  return code ? wordsOf(code) : '这条邀请已无法接受。'
}

interface InvitationCardProps {
  invitation: InvitationView
  now: number
  busy: boolean
  /** Shown first, on arrival from the home banner (item 1). */
  highlighted?: boolean
  onAction: (action: InvitationAction) => unknown
}

export function InvitationCard({ invitation, now, busy, highlighted = false, onAction }: InvitationCardProps) {
  // The server sweeps expired invitations every half minute; the phone does not wait for it.
  const status = invitation.status === 'pending' && invitation.expiresAt <= now ? 'expired' : invitation.status
  const received = invitation.box === 'received'
  // A sent invitation's relation is what they are to me; a received one's is what I am to them.
  const relation = relativeWord(relationToMe(invitation.relation, received ? 'beneficiary' : 'authorizer'), invitation.counterpart.maskedIdNumber)
  const left = timeLeft(invitation.expiresAt, now)
  return (
    <View className={highlighted ? 'invitation invitation--highlighted' : 'invitation'}>
      <RelativeHead {...invitation.counterpart} relation={relation} aside={<Tag tone={STATUS_TONES[status]}>{INVITATION_STATUS_LABELS[status]}</Tag>} />

      <View className='invitation__text'>{received ? '邀请您共享使用其职工医保个人账户' : '您邀请对方共享使用您的职工医保个人账户'}</View>

      <View className='invitation__meta'>
        <View className='invitation__line'>
          <View className='invitation__key'>发出时间</View>
          <View className='nowrap'>{formatDateTime(invitation.createdAt)}</View>
        </View>
        {status === 'pending' ? (
          <>
            <View className='invitation__line'>
              <View className='invitation__key'>剩余时间</View>
              <View className='invitation__left nowrap'>{left}</View>
            </View>
            <View className='invitation__line'>
              <View className='invitation__key'>到期时间</View>
              <View className='nowrap'>{formatDateTime(invitation.expiresAt)}</View>
            </View>
          </>
        ) : status === 'expired' ? (
          <View className='invitation__line'>
            <View className='invitation__key'>过期时间</View>
            <View className='nowrap'>{formatDateTime(invitation.expiresAt)}</View>
          </View>
        ) : status === 'closed' ? (
          <View className='invitation__line'>
            <View className='invitation__key'>失效原因</View>
            <View>{closedReasonText(invitation.closedReason)}</View>
          </View>
        ) : invitation.decidedAt ? (
          <View className='invitation__line'>
            <View className='invitation__key'>处理时间</View>
            <View className='nowrap'>{formatDateTime(invitation.decidedAt)}</View>
          </View>
        ) : null}
      </View>

      {status === 'pending' && received && (
        <View className='invitation__actions'>
          <AppButton type='secondary' className='invitation__btn' loading={busy} onClick={() => onAction('reject')}>
            拒绝
          </AppButton>
          <AppButton type='primary' className='invitation__btn' loading={busy} onClick={() => onAction('accept')}>
            接受邀请
          </AppButton>
        </View>
      )}
      {status === 'pending' && !received && (
        <View className='invitation__actions'>
          <AppButton type='danger' className='invitation__btn' loading={busy} onClick={() => onAction('cancel')}>
            撤回邀请
          </AppButton>
        </View>
      )}
    </View>
  )
}
