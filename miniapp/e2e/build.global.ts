// The end-to-end tests drive the h5 build: build it first when it is missing or stale.
import { ensureMiniappBuild } from '../../scripts/lib/miniapp-build'

export function setup(): void {
  ensureMiniappBuild('h5')
}
