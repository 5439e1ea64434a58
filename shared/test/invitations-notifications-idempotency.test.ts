import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  invitationExpiresAt,
  isInvitationExpired,
  recipientsOf,
  requestFingerprint,
  TIBET_2022,
} from '../src';
import { REGIONS } from './policies/region';

describe.each(REGIONS)('R19 invitations expire after invitationTtlHours, under $name', (policy) => {
  const sent = Date.UTC(2026, 10, 22, 8, 0, 0);
  const ttl = policy.invitationTtlHours * 3600_000;
  it(`when ${policy.invitationTtlHours} hours less a millisecond have passed, then it is still open; at ${policy.invitationTtlHours} hours, expired`, () => {
    expect(invitationExpiresAt(sent, policy)).toBe(sent + ttl);
    expect(isInvitationExpired(sent, sent + ttl - 1, policy)).toBe(false);
    expect(isInvitationExpired(sent, sent + ttl, policy)).toBe(true);
  });
});

describe('R19 the default policy', () => {
  const sent = Date.UTC(2026, 10, 22, 8, 0, 0);
  it('when no policy is named, then Tibet 2022’s 72 hours apply', () => {
    expect(invitationExpiresAt(sent)).toBe(sent + 72 * 3600_000);
  });
  it('when a region sets 24 hours, then the policy value is used', () => {
    expect(isInvitationExpired(sent, sent + 25 * 3600_000, { ...TIBET_2022, invitationTtlHours: 24 })).toBe(true);
  });
});

describe('R20 both sides are told of every change', () => {
  const pair = { authorizerId: 'A', beneficiaryId: 'B' };
  it('when an invitation is sent, then the invitee is told; when rejected, the inviter', () => {
    expect(recipientsOf({ kind: 'INVITATION_SENT', ...pair })).toEqual(['B']);
    expect(recipientsOf({ kind: 'INVITATION_REJECTED', ...pair })).toEqual(['A']);
  });
  it.each(['BINDING_CREATED', 'DEDUCTION', 'PREMIUM_PAID', 'INVITATION_CANCELLED', 'INVITATION_EXPIRED'] as const)(
    'when %s happens, then both sides are told',
    (kind) => {
      expect(recipientsOf({ kind, ...pair })).toEqual(['A', 'B']);
    },
  );
  it('when a binding ends (R7, R8), then both sides are told', () => {
    expect(recipientsOf({ kind: 'BINDING_ENDED', ...pair, endedBy: null })).toEqual(['A', 'B']);
  });
});

describe('R17 request fingerprints for idempotency', () => {
  it('when the same content comes with keys in another order, then the fingerprint is the same', () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });
  it('when an amount differs by one fen, then the fingerprint differs', () => {
    expect(requestFingerprint({ charge: 100 })).not.toBe(requestFingerprint({ charge: 101 }));
  });
  it('when a field is undefined, then it is the same as absent; null is not', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1, b: null })).not.toBe(canonicalJson({ a: 1 }));
  });
  it('when a number is not finite, then RangeError', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });
});
