import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface FormFieldProps {
  label: string
  children: ReactNode
  /** A problem with what was typed, in red. */
  error?: string | null
  /** A neutral explanation, shown when there is no error. */
  tip?: ReactNode
}

export function FormField({ label, children, error, tip }: FormFieldProps) {
  return (
    <View className='form-field'>
      <View className='form-field__label'>{label}</View>
      {children}
      {error ? <View className='form-field__error'>{error}</View> : tip ? <View className='form-field__tip'>{tip}</View> : null}
    </View>
  )
}
