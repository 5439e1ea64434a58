import { View } from '@tarojs/components'
import { Badge } from '@/components/badge'
import { cx } from '@/utils/cx'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

export interface TabItem<K extends string> {
  key: K
  label: string
  badge?: number
}

interface TabsProps<K extends string> {
  items: ReadonlyArray<TabItem<K>>
  active: K
  onChange: (key: K) => void
}

export function Tabs<K extends string>({ items, active, onChange }: TabsProps<K>) {
  return (
    <View className='tabs' role='tablist'>
      {items.map((item) => (
        <View key={item.key} className={cx('tabs__item', item.key === active && 'tabs__item--active')} role='tab' {...FOCUSABLE} aria-selected={item.key === active} onClick={() => onChange(item.key)}>
          {item.label}
          {item.badge ? <Badge className='tabs__badge' count={item.badge} /> : null}
        </View>
      ))}
    </View>
  )
}
