import Taro from '@tarojs/taro'

/** The brand colours on every dialog (WeChat's default confirm colour is green on h5). */
const BRAND = '#1660d8'
const DANGER = '#c7302b'

interface ConfirmOptions {
  title: string
  content: string
  confirmText: string
  cancelText?: string
  /** A step that cannot be undone (end a binding, withdraw): the confirm button is red. */
  tone?: 'normal' | 'danger'
}

export async function confirm({ title, content, confirmText, cancelText = '取消', tone = 'normal' }: ConfirmOptions): Promise<boolean> {
  const result = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: tone === 'danger' ? DANGER : BRAND, cancelColor: '#4e5969' })
  return result.confirm
}

export async function alert(title: string, content: string, confirmText = '知道了'): Promise<void> {
  await Taro.showModal({ title, content, confirmText, showCancel: false, confirmColor: BRAND })
}
