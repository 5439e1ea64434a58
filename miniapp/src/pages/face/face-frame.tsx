import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'

interface FaceFrameProps {
  state: 'idle' | 'scanning' | 'passed' | 'failed'
}

/** A round camera-like frame with a slowly turning ring; there is no real camera here. */
export function FaceFrame({ state }: FaceFrameProps) {
  return (
    <View className={cx('face-frame', `face-frame--${state}`)}>
      <View className='face-frame__ring' />
      <View className='face-frame__window'>
        <View className='face-frame__head' />
        <View className='face-frame__shoulders' />
        {state === 'scanning' && <View className='face-frame__scan' />}
      </View>
    </View>
  )
}
