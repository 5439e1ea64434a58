import { Input } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.scss'

interface TextInputProps {
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  placeholder?: string
  /** 'idcard': the ID-number keyboard on WeChat (digits and X); 'digit': digits and a decimal point (amounts). */
  type?: 'text' | 'idcard' | 'digit'
  maxLength?: number
  invalid?: boolean
  disabled?: boolean
  className?: string
}

export function TextInput({ value, onChange, onBlur, placeholder, type = 'text', maxLength = 140, invalid = false, disabled = false, className }: TextInputProps) {
  return (
    <Input
      className={cx('text-input', invalid && 'text-input--invalid', className)}
      value={value}
      type={type}
      maxlength={maxLength}
      placeholder={placeholder}
      placeholderClass='text-input__placeholder'
      disabled={disabled}
      onInput={(e) => onChange(e.detail.value)}
      onBlur={onBlur}
    />
  )
}
