import { call } from './http'
import { rememberPolicy } from './policy-store'

/** Home carries the policy too: every page's words learn it from here as well (i18n/policy-words). */
export const getHome = () =>
  call('home').then((home) => {
    rememberPolicy(home.policy)
    return home
  })
