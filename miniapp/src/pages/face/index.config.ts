export default definePageConfig({
  navigationBarTitleText: '人脸验证'
})
