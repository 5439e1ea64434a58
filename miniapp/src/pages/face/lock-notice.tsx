import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { Notice } from '@/components/notice'
import { usePolicy } from '@/hooks/usePolicy'
import { useNow } from '@/hooks/useNow'
import { formatDateTime, timeLeft } from '@/utils/time'

/**
 * Item 3: the face lock is no dead end. It says when verification opens again, and the other
 * ways — the counter (000: 办理渠道 窗口办理) and the service hotline — with both region values
 * from the policy the BFF sent.
 */
export function FaceLockNotice({ until }: { until: number | null }) {
  const words = usePolicy()
  const now = useNow(30_000)
  const left = until ? timeLeft(until, now) : null
  return (
    <View className='face-lock'>
      <Notice tone='danger' title='失败次数过多，人脸验证已暂时锁定'>
        {until && left ? (
          <>
            <Text className='nowrap'>{formatDateTime(until)}</Text> 后可以再试（约<Text className='nowrap'>{left}</Text>后）。
          </>
        ) : until ? (
          '现在可以重新验证了，请返回后重新开始。'
        ) : (
          '请稍后再试。'
        )}
      </Notice>
      <View className='face-lock__ways'>
        <View className='face-lock__title'>不想等待，也可以这样办理</View>
        <View className='face-lock__way'>
          <Text className='face-lock__label'>到窗口办理</Text>
          <Text>{words ? `携带身份证到${words.counter}办理，工作人员当面核验身份。` : '携带身份证到当地医保经办窗口办理。'}</Text>
        </View>
        {words && (
          <View className='face-lock__way'>
            <Text className='face-lock__label'>打电话咨询</Text>
            <Text>
              医保服务热线 <Text className='face-lock__phone nowrap'>{words.hotline}</Text>
            </Text>
          </View>
        )}
      </View>
      {words && (
        <AppButton type='secondary' size='large' block onClick={() => Taro.makePhoneCall({ phoneNumber: words.hotline }).catch(() => undefined)}>
          拨打 {words.hotline}
        </AppButton>
      )}
    </View>
  )
}
