/**
 * The policy the BFF sent, kept in memory (no transport here, so that anything may read it):
 * the words of every page depend on it (see i18n/policy-words.ts).
 */
import type { PolicySummary } from '@family-share/shared'

let known: PolicySummary | undefined
const listeners = new Set<(policy: PolicySummary) => void>()

export function knownPolicy(): PolicySummary | undefined {
  return known
}

export function rememberPolicy(policy: PolicySummary): void {
  const changed = JSON.stringify(policy) !== JSON.stringify(known)
  known = policy
  if (changed) listeners.forEach((listener) => listener(policy))
}

export function onPolicy(listener: (policy: PolicySummary) => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Tests: forget what was learnt. */
export function forgetPolicy(): void {
  known = undefined
}
