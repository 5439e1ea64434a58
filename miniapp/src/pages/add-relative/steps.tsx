import { View } from '@tarojs/components'
import { cx } from '@/utils/cx'

/** Where the person is in the flow: commitment → details → face → sent (or bound). */
export function Steps({ minor, committed }: { minor: boolean; committed: boolean }) {
  const labels = ['签署承诺书', '填写信息', '人脸验证', minor ? '绑定生效' : '发送邀请']
  const current = committed ? 1 : 0
  return (
    <View className='steps'>
      {labels.map((label, index) => (
        <View key={label} className={cx('steps__item', index < current && 'steps__item--done', index === current && 'steps__item--now')}>
          <View className='steps__dot'>{index < current ? '✓' : index + 1}</View>
          <View className='steps__label'>{label}</View>
        </View>
      ))}
    </View>
  )
}
