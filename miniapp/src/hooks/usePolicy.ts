import { useEffect, useState } from 'react'
import { policyWords, type PolicyWords } from '@/i18n/policy-words'
import { loadPolicy } from '@/services/policy'
import { knownPolicy, onPolicy } from '@/services/policy-store'

/**
 * The policy's words for a page; undefined until the BFF has told them (the page words its
 * sentences without the value meanwhile). A failed fetch is tried again on the next page.
 */
export function usePolicy(): PolicyWords | undefined {
  const [policy, setPolicy] = useState(knownPolicy)
  useEffect(() => {
    const stop = onPolicy(setPolicy)
    if (!knownPolicy()) loadPolicy().catch(() => undefined)
    else setPolicy(knownPolicy())
    return stop
  }, [])
  return policy ? policyWords(policy) : undefined
}
