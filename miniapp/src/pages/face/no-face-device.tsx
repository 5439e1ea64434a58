import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { Notice } from '@/components/notice'

/**
 * A phone that cannot do WeChat face verification: where else to go. The counter and the
 * hotline come from the region's policy data through the BFF, never from this file.
 */
export function NoFaceDevice({ help }: { help: { counter: string; hotline: string } }) {
  return (
    <>
      <Notice tone='warning' title='这部手机暂不支持微信人脸验证'>
        <View>您可以换一部手机登录本服务再试，或携带本人身份证到{help.counter}办理。</View>
        <View className='face__hint'>咨询电话：{help.hotline}</View>
      </Notice>
      <AppButton type='primary' size='large' block onClick={() => void Taro.makePhoneCall({ phoneNumber: help.hotline })}>
        拨打 {help.hotline}
      </AppButton>
      <View className='face__retry'>
        <AppButton type='plain' onClick={() => void Taro.navigateBack()}>
          返回
        </AppButton>
      </View>
    </>
  )
}
