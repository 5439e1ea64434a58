import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { PageShell } from '@/components/page-shell'
import { Toggle } from '@/components/toggle'
import { useLargeText } from '@/hooks/useLargeText'
import { usePolicy } from '@/hooks/usePolicy'
import { logout } from '@/services/auth'
import { hasSession } from '@/services/session'
import { navigate, ROUTES } from '@/utils/nav'
import { confirm } from '@/utils/dialog'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

/** Large text (适老化), the commitment letter, and logging out. */
export default function Settings() {
  const [large, setLarge] = useLargeText()
  const words = usePolicy()

  const leave = async () => {
    if (!(await confirm({ title: '退出登录', content: '退出后需要重新登录才能使用。', confirmText: '退出', tone: 'danger' }))) return
    await logout().catch(() => undefined)
    await Taro.reLaunch({ url: ROUTES.login })
  }

  return (
    <PageShell className='settings'>
      <Card title='显示'>
        <Toggle checked={large} onChange={setLarge} label='大字模式' description='放大全部页面的文字和按钮，方便老年人阅读和点按' />
        <View className='settings__preview'>示例：个人账户余额 ¥8,000.00</View>
      </Card>
      <Card title='家庭共济'>
        <View className='settings__link' role='link' {...FOCUSABLE} onClick={() => navigate(ROUTES.commitment)}>
          <View>家庭共享承诺书</View>
          <View className='settings__arrow' />
        </View>
        <View className='settings__link' role='link' {...FOCUSABLE} onClick={() => navigate(ROUTES.claims)}>
          <View>门诊手工报销进度与材料</View>
          <View className='settings__arrow' />
        </View>
      </Card>
      {hasSession() && (
        <AppButton type='danger' block onClick={leave}>
          退出登录
        </AppButton>
      )}
      {words && (
        <View className='settings__about'>
          {words.region}职工医保个人账户家庭共济 · 依据<Text className='nowrap'>{words.basis}</Text>
        </View>
      )}
    </PageShell>
  )
}
