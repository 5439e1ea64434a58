import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { AUTH_REQUIRED } from '@/services/http'
import './app.scss'

const LOGIN_PAGE = 'pages/login/index'
let redirecting = false

/** The transport says the session is gone (STYLE 9: it shows no UI itself): go to login, once. */
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
  return children
}

export default App
