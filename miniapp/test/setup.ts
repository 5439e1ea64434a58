import { afterEach, beforeEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { rememberPolicy } from '@/services/policy-store'
import { POLICY } from './support/fixtures'

// As on a phone where the BFF has already told the policy (GET /api/policy or home); tests of
// the wording under other policies replace it.
beforeEach(() => {
  rememberPolicy(POLICY)
})

afterEach(() => {
  cleanup()
})
