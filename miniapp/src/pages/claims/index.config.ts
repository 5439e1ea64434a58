export default definePageConfig({
  navigationBarTitleText: '门诊报销进度'
})
