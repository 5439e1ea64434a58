import { ScrollView, View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

export interface ChipOption<V extends string> {
  value: V
  label: string
}

interface ChipGroupProps<V extends string> {
  options: ReadonlyArray<ChipOption<V>>
  value: V | null
  onChange: (value: V) => void
  /** 'grid': three a row (a choice); 'scroll': one swipeable row (a filter). */
  layout?: 'grid' | 'wrap' | 'scroll'
}

/** A single choice among a few, as large tappable chips (easier than a picker wheel). */
export function ChipGroup<V extends string>({ options, value, onChange, layout = 'wrap' }: ChipGroupProps<V>) {
  const chips = options.map((option) => (
    <View
      key={option.value}
      className={cx('chip', option.value === value && 'chip--active', layout === 'grid' && 'chip--grid')}
      role='radio'
      {...FOCUSABLE}
      aria-checked={option.value === value}
      onClick={() => onChange(option.value)}
    >
      {option.label}
    </View>
  ))
  if (layout === 'scroll') {
    return (
      <ScrollView className='chip-group__scroller' scrollX enhanced showScrollbar={false}>
        <View className='chip-group chip-group--scroll' role='radiogroup'>
          {chips}
        </View>
      </ScrollView>
    )
  }
  return (
    <View className='chip-group' role='radiogroup'>
      {chips}
    </View>
  )
}
