/**
 * The one transport, mocked per endpoint: pages call `call(name, request)` (services/http.ts)
 * straight, so tests answer at that level, by the registry's names and with its types, rather
 * than mocking a service module per page.
 *
 *   vi.mock('@/services/http', async (original) => (await import('./support/api')).httpMock(await original()))
 *   endpoint('claims').mockResolvedValue(CLAIMS)
 *   expect(endpoint('acceptCommitment')).toHaveBeenCalledWith({ body: { version } })
 */
import { vi, type Mock } from 'vitest'
import type { BffEndpointName, ResponseOf } from '@family-share/shared'
import type { RequestOf } from '@/services/http'

type Endpoint<N extends BffEndpointName> = Mock<(request: RequestOf<N>) => Promise<ResponseOf<N>>>

const endpoints = new Map<BffEndpointName, Mock>()

/** The mock that answers `call(name, …)`; the same one for the whole test file. */
export function endpoint<N extends BffEndpointName>(name: N): Endpoint<N> {
  let mock = endpoints.get(name)
  if (!mock) {
    mock = vi.fn()
    endpoints.set(name, mock)
  }
  return mock as unknown as Endpoint<N>
}

/** services/http with `call` answered by `endpoint(name)`; ApiError and the rest stay real. */
export function httpMock<T extends object>(actual: T): T {
  // async: an endpoint a test left unanswered still gives a promise (of undefined), as call does.
  return { ...actual, call: vi.fn(async (name: BffEndpointName, request: RequestOf<BffEndpointName> = {}) => endpoint(name)(request as never)) }
}
