import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InvitationLinks } from '../ports/invitation-links';

/**
 * `<invitationId>.<expiry, epoch seconds in base 36>.<HMAC-SHA256, base64url>`. The key is
 * derived from the BFF's signing secret, so that every BFF instance accepts every link and a
 * link cannot be turned into an access token or back.
 */
export function hmacInvitationLinks(secret: string): InvitationLinks {
  const key = createHmac('sha256', secret).update('invitation-link/v1').digest();
  const mac = (invitationId: string, exp: string) => createHmac('sha256', key).update(`${invitationId}.${exp}`).digest('base64url');

  return {
    sign(invitationId, expiresAt) {
      const exp = Math.ceil(expiresAt / 1000).toString(36);
      return `${invitationId}.${exp}.${mac(invitationId, exp)}`;
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [invitationId, exp, given] = parts as [string, string, string];
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(invitationId) || !/^[0-9a-z]{1,12}$/.test(exp)) return null;
      const expected = Buffer.from(mac(invitationId, exp));
      const actual = Buffer.from(given);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
      const expiresAt = parseInt(exp, 36) * 1000;
      return expiresAt > now ? { invitationId, expiresAt } : null;
    },
  };
}
