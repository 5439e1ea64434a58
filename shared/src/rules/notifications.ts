/**
 * R20: both sides are told of every change. This decides who hears of what; the platform
 * and the BFF deliver it (in-app inbox and the subscription-message stand-in).
 */
export type FamilyEvent =
  | { kind: 'INVITATION_SENT'; authorizerId: string; beneficiaryId: string }
  | { kind: 'INVITATION_REJECTED'; authorizerId: string; beneficiaryId: string }
  | { kind: 'INVITATION_CANCELLED'; authorizerId: string; beneficiaryId: string }
  | { kind: 'INVITATION_EXPIRED'; authorizerId: string; beneficiaryId: string }
  | { kind: 'BINDING_CREATED'; authorizerId: string; beneficiaryId: string }
  | { kind: 'BINDING_ENDED'; authorizerId: string; beneficiaryId: string; endedBy: string | null }
  | { kind: 'DEDUCTION'; authorizerId: string; beneficiaryId: string }
  | { kind: 'PREMIUM_PAID'; authorizerId: string; beneficiaryId: string };

/** The people to tell, without duplicates; the one who acted is told too, as a receipt. */
export function recipientsOf(event: FamilyEvent): string[] {
  switch (event.kind) {
    case 'INVITATION_SENT':
      return [event.beneficiaryId];
    case 'INVITATION_REJECTED':
      return [event.authorizerId];
    default:
      return [...new Set([event.authorizerId, event.beneficiaryId])];
  }
}
