export default definePageConfig({
  navigationBarTitleText: '家庭共济关系',
  enablePullDownRefresh: true
})
