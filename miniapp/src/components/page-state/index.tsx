import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { messageOf } from '@/i18n/error-messages'
import { isApiError } from '@/services/http'
import { AppButton } from '@/components/app-button'
import { ROUTES, navigate } from '@/utils/nav'
import Taro from '@tarojs/taro'
import { shortReference } from '@/utils/reference'
import './index.scss'

interface PageStateProps {
  status: 'loading' | 'error' | 'empty'
  /** status 'error': what was thrown; it is worded by the one error-message map. */
  error?: unknown
  onRetry?: () => unknown
  /** status 'empty': what is (not) here, and what to do about it. */
  title?: string
  description?: ReactNode
  action?: { text: string; onClick: () => unknown }
}

/** Item 9: a person who has not activated yet is told to, with the button — not 加载失败. */
export function ActivateFirst() {
  return (
    <View className='page-state'>
      <View className='page-state__mark page-state__mark--todo'>!</View>
      <View className='page-state__title'>请先激活医保电子凭证</View>
      <View className='page-state__text'>激活后才能查看这里的内容。激活需要填写本人姓名和身份证号，并完成人脸验证。</View>
      <AppButton type='primary' onClick={() => navigate(ROUTES.activate)}>
        去激活医保电子凭证
      </AppButton>
    </View>
  )
}

/** The three non-content states of a page, each looking different. */
export function PageState({ status, error, onRetry, title, description, action }: PageStateProps) {
  if (status === 'loading') {
    return (
      <View className='page-state-loading'>
        <View className='page-state-loading__block' />
        <View className='page-state-loading__block page-state-loading__block--short' />
        <View className='page-state-loading__block page-state-loading__block--short' />
        <View className='page-state-loading__label'>正在加载…</View>
      </View>
    )
  }
  if (status === 'error') {
    const code = isApiError(error) ? error.code : undefined
    // Not yet activated is no failure to report (item 9): say what to do, without a number.
    if (code === 'ECREDENTIAL_REQUIRED') return <ActivateFirst />
    const requestId = isApiError(error) ? error.requestId : undefined
    // Some failures are not fixed by trying again but by going somewhere.
    const fix =
      code === 'UNAUTHENTICATED' || code === 'SESSION_REVOKED' || code === 'TOKEN_EXPIRED'
        ? { text: '去登录', onClick: () => Taro.reLaunch({ url: ROUTES.login }) }
        : null
    return (
      <View className='page-state'>
        <View className='page-state__mark page-state__mark--error'>!</View>
        <View className='page-state__title'>{title ?? '加载失败'}</View>
        <View className='page-state__text'>{messageOf(error)}</View>
        {requestId && (
          <View className='page-state__ref'>
            问题编号：<Text className='nowrap'>{shortReference(requestId)}</Text>
          </View>
        )}
        {fix ? (
          <AppButton type='primary' onClick={fix.onClick}>
            {fix.text}
          </AppButton>
        ) : (
          onRetry && (
            <AppButton type='primary' onClick={onRetry}>
              重新加载
            </AppButton>
          )
        )}
      </View>
    )
  }
  return (
    <View className='page-state'>
      <View className='page-state__mark page-state__mark--empty'>
        <View className='page-state__tray' />
      </View>
      <View className='page-state__title'>{title ?? '暂无内容'}</View>
      {description && <View className='page-state__text'>{description}</View>}
      {action && (
        <AppButton type='secondary' onClick={action.onClick}>
          {action.text}
        </AppButton>
      )}
    </View>
  )
}
