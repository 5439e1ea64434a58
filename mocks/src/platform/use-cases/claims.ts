import { fail, ok, type Result, type PlatformClaim } from '@family-share/shared';
import { type PlatformDeps } from '../deps';

const ORDER = ['apply', 'accept', 'review', 'pay', 'done'] as const;

/** A claim filed at the window (000 一: 窗口办理); the person follows it online. */
export async function fileClaim(
  deps: PlatformDeps,
  request: { claimId: string; psnNo: string; institutionName: string; amount: number },
  filedAt = deps.clock(),
): Promise<PlatformClaim> {
  const claim: PlatformClaim = {
    ...request,
    filedAt,
    steps: { apply: filedAt, accept: null, review: null, pay: null, done: null },
  };
  await deps.store.saveClaim(claim);
  return claim;
}

/** The window moves a claim to its next step: 申请—受理—审核—拨付—办结. */
export async function advanceClaim(deps: PlatformDeps, psnNo: string, claimId: string, at = deps.clock()): Promise<Result<PlatformClaim>> {
  const claim = (await deps.store.claims(psnNo)).find((c) => c.claimId === claimId);
  if (!claim) return fail('NOT_FOUND');
  const next = ORDER.find((step) => claim.steps[step] === null);
  if (next) claim.steps[next] = at;
  await deps.store.saveClaim(claim);
  return ok(claim);
}
