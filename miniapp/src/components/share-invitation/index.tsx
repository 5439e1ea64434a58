import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { Notice } from '@/components/notice'
import { messageOf } from '@/i18n/error-messages'
import { IS_WEAPP } from '@/utils/wechat'
import './index.scss'

interface ShareInvitationProps {
  link: { path: string } | null
  error: unknown
}

/** The h5 build's equivalent of the share card: this page's address with the landing route. */
function h5Url(path: string): string {
  const here = typeof window === 'undefined' ? '' : `${window.location.origin}${window.location.pathname}`
  return `${here}#${path}`
}

/**
 * 发送给家人. weapp: a button with open-type="share" — WeChat's share panel sends the page's
 * onShareAppMessage card (see use-invitation-share) to a chat. h5: the same link, to copy.
 */
export function ShareInvitation({ link, error }: ShareInvitationProps) {
  if (error) return <Notice tone='warning'>{messageOf(error)}</Notice>
  if (!link) return null
  if (IS_WEAPP) {
    return (
      <Button className='share-invitation__button' openType='share'>
        发送给家人
      </Button>
    )
  }
  const url = h5Url(link.path)
  return (
    <View className='share-invitation'>
      <View className='share-invitation__label'>把这个链接发给家人，家人用自己的手机打开：</View>
      <Text className='share-invitation__url' userSelect>
        {url}
      </Text>
      <AppButton type='secondary' block onClick={() => Taro.setClipboardData({ data: url })}>
        复制链接
      </AppButton>
    </View>
  )
}
