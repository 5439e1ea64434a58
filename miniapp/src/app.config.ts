export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/activate/index',
    'pages/face/index',
    'pages/commitment/index',
    'pages/add-relative/index',
    'pages/invitations/index',
    'pages/invite/index',
    'pages/bindings/index',
    'pages/premiums/index',
    'pages/premium-receipt/index',
    'pages/history/index',
    'pages/payment-estimate/index',
    'pages/notifications/index',
    'pages/claims/index',
    'pages/settings/index'
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '家庭共济',
    navigationBarTextStyle: 'black'
  }
})
