import { DEFAULT_POLICY, type Policy } from '../policy';

const HOUR_MS = 3_600_000;

/** R19: an invitation expires `invitationTtlHours` after it was sent. */
export function invitationExpiresAt(sentAtMs: number, policy: Policy = DEFAULT_POLICY): number {
  return sentAtMs + policy.invitationTtlHours * HOUR_MS;
}

/** R19: expired from the expiry instant on. */
export function isInvitationExpired(sentAtMs: number, nowMs: number, policy: Policy = DEFAULT_POLICY): boolean {
  return nowMs >= invitationExpiresAt(sentAtMs, policy);
}
