/** GET /api/policy (no login needed); home brings the policy too (services/home.ts). */
import type { PolicySummary } from '@family-share/shared'
import { call } from './http'
import { knownPolicy, rememberPolicy } from './policy-store'

let loading: Promise<PolicySummary> | null = null

/** The policy, fetched once (concurrent callers share the request). */
export function loadPolicy(): Promise<PolicySummary> {
  const known = knownPolicy()
  if (known) return Promise.resolve(known)
  loading ??= call('policy')
    .then((policy) => {
      rememberPolicy(policy)
      return policy
    })
    .finally(() => {
      loading = null
    })
  return loading
}
