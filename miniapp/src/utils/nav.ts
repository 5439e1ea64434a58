import Taro from '@tarojs/taro'

export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  activate: '/pages/activate/index',
  face: '/pages/face/index',
  commitment: '/pages/commitment/index',
  addRelative: '/pages/add-relative/index',
  invitations: '/pages/invitations/index',
  invite: '/pages/invite/index',
  bindings: '/pages/bindings/index',
  premiums: '/pages/premiums/index',
  premiumReceipt: '/pages/premium-receipt/index',
  history: '/pages/history/index',
  paymentEstimate: '/pages/payment-estimate/index',
  notifications: '/pages/notifications/index',
  claims: '/pages/claims/index',
  settings: '/pages/settings/index',
} as const

export function navigate(url: string): void {
  void Taro.navigateTo({ url })
}

/** Back to the page below; home when this page was opened directly (an h5 link, a reload). */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: ROUTES.home })
}

export function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home })
}
