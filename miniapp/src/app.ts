import { PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { keepWechatSessionFresh } from '@/services/auth'
import { AUTH_REQUIRED } from '@/services/http'
import { IS_WEAPP } from '@/utils/wechat'
import './app.scss'

const LOGIN_PAGE = 'pages/login/index'
let redirecting = false

/** The transport says the session is gone (the transport itself shows no UI): go to login, once. */
function goToLogin() {
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (redirecting || current.includes(LOGIN_PAGE)) return
  redirecting = true
  Taro.reLaunch({ url: `/${LOGIN_PAGE}` }).finally(() => {
    redirecting = false
  })
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    Taro.eventCenter.on(AUTH_REQUIRED, goToLogin)
  })
  // Back from the background (and at launch): is WeChat's login state still there? (wx.checkSession)
  useDidShow(() => {
    if (IS_WEAPP) void keepWechatSessionFresh()
  })
  return children
}

export default App
