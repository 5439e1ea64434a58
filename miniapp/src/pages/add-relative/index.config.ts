export default definePageConfig({
  navigationBarTitleText: '添加家人',
  // 发送给家人 shares the invitation card (useShareAppMessage in use-invitation-share).
  enableShareAppMessage: true
})
