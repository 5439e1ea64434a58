export default definePageConfig({
  navigationBarTitleText: '为家人缴纳居民医保费'
})
