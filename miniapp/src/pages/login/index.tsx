import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { maskIdNumber } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/tag'
import { useAction } from '@/hooks/useAction'
import { usePolicy } from '@/hooks/usePolicy'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { listDemoPeople, loginAsDemoPerson, loginWithWechat } from '@/services/auth'
import { isApiError } from '@/services/http'
import { ROUTES } from '@/utils/nav'
import { afterSignIn } from '@/utils/pending-invite'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** Login: WeChat's wx.login on weapp; on h5 (and wherever the BFF runs in demo mode) a demo picker. */
export default function Login() {
  const people = useRequest(listDemoPeople)
  // The region is the policy's (issue 12 item 11); until the BFF has said it, the line goes without it.
  const words = usePolicy()
  const [chosen, setChosen] = useState<string | null>(null)
  const login = useAction(async (how: { openid: string } | 'wechat') => {
    if (how === 'wechat') await loginWithWechat()
    else await loginAsDemoPerson(how.openid)
    await Taro.reLaunch({ url: afterSignIn(ROUTES.home) })
  })

  const pickDemo = (openid: string) => {
    setChosen(openid)
    return login.run({ openid })
  }

  const demoOff = isApiError(people.error) && people.error.code === 'NOT_FOUND'

  return (
    <PageShell className='login'>
      <View className='login__hero'>
        <View className='login__title'>医保家庭共济</View>
        <View className='login__subtitle'>{words ? words.region : ''}职工医保个人账户 · 家人共享使用</View>
      </View>

      {login.error ? (
        <Notice tone='danger' title='登录没有成功'>
          {messageOf(login.error)}
        </Notice>
      ) : null}

      {IS_WEAPP && (
        <View className='login__wechat'>
          <AppButton type='primary' size='large' block loading={login.busy && chosen === null} onClick={() => login.run('wechat')}>
            微信一键登录
          </AppButton>
        </View>
      )}

      {!(IS_WEAPP && demoOff) && (
        <View className='login__demo'>
          <View className='login__demo-head'>
            <Tag tone='demo'>演示</Tag>
            <View className='login__demo-title'>演示登录</View>
          </View>
          <Notice tone='warning'>这是演示环境：以下都是模拟的参保人，没有真实的医保数据。选择一位，就会以他/她的身份登录，体验各项功能。</Notice>
          {people.loading && !people.data ? (
            <PageState status='loading' />
          ) : demoOff ? (
            <Notice tone='info'>当前环境未开启演示登录，请在微信中打开小程序登录。</Notice>
          ) : people.error ? (
            <PageState status='error' title='演示账号加载失败' error={people.error} onRetry={people.reload} />
          ) : people.data && people.data.items.length === 0 ? (
            <PageState status='empty' title='没有演示账号' description='演示数据尚未准备好，请稍后再试。' action={{ text: '刷新', onClick: people.reload }} />
          ) : (
            people.data?.items.map((person) => (
              <View key={person.key} className='demo-person' hoverClass='demo-person--hover' role='button' {...FOCUSABLE} onClick={() => void pickDemo(person.openid)}>
                <View className='demo-person__avatar'>{person.name.slice(0, 1)}</View>
                <View className='demo-person__main'>
                  <View className='demo-person__name'>
                    {person.name}
                    <View className='demo-person__id'>{maskIdNumber(person.idNumber)}</View>
                  </View>
                  <View className='demo-person__shows'>{person.shows}</View>
                </View>
                <View className='demo-person__go'>{login.busy && chosen === person.openid ? '登录中…' : '登录'}</View>
              </View>
            ))
          )}
        </View>
      )}
    </PageShell>
  )
}
