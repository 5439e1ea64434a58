export default definePageConfig({
  navigationBarTitleText: '扣款明细',
  onReachBottomDistance: 120
})
