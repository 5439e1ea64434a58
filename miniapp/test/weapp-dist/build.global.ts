// The weapp smoke test runs on the compiled output: build it first when it is missing or stale.
import { ensureMiniappBuild } from '../../../scripts/lib/miniapp-build'

export function setup(): void {
  ensureMiniappBuild('weapp')
}
