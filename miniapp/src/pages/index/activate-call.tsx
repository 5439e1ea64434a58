import { View } from '@tarojs/components'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { navigate, ROUTES } from '@/utils/nav'

/** First visit: nothing works before the e-credential is activated (R1), so say so plainly. */
export function ActivateCall() {
  return (
    <>
      <View className='activate-call'>
        <View className='activate-call__title'>请先激活医保电子凭证</View>
        <View className='activate-call__text'>激活后，您可以查看职工医保个人账户，与家人共享账户、为家人缴纳居民医保费，或接受家人的共享邀请。</View>
        <AppButton type='primary' size='large' block onClick={() => navigate(ROUTES.activate)}>
          立即激活
        </AppButton>
      </View>
      <Card title='激活需要'>
        <View className='activate-steps'>
          <View className='activate-steps__item'>
            <View className='activate-steps__no'>1</View>填写本人姓名和身份证号
          </View>
          <View className='activate-steps__item'>
            <View className='activate-steps__no'>2</View>本人完成人脸验证
          </View>
          <View className='activate-steps__item'>
            <View className='activate-steps__no'>3</View>激活成功，开始使用
          </View>
        </View>
      </Card>
      <View className='activate-call__more'>
        <AppButton type='plain' onClick={() => navigate(ROUTES.settings)}>
          大字模式与设置
        </AppButton>
      </View>
    </>
  )
}
