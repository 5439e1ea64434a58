import {
  maskIdNumber,
  maskName,
  usableSharedBalance,
  type Binding,
  type BindingView,
  type DeductionView,
  type InvitationView,
  type MyPerson,
  type PlatformPerson,
  type Policy,
} from '@family-share/shared';
import { AppError } from '@family-share/shared/server-kit';
import type { Caller } from '../deps';
import type { InvitationRecord } from '../ports/stores';

/**
 * Another person as anyone but themselves sees them (R16: never shown to the wrong person).
 * The ID number arrives masked already (the platform masks it into bindings; the BFF into
 * invitations): the BFF keys people by person number and keeps no other person's full number.
 */
export function masked(name: string, maskedIdNumber: string): { maskedName: string; maskedIdNumber: string } {
  return { maskedName: maskName(name), maskedIdNumber };
}

/** The person behind a caller, or ECREDENTIAL_REQUIRED: nothing personal before activation (R1). */
export function requirePerson(caller: Caller): string {
  if (!caller.personId) throw new AppError('ECREDENTIAL_REQUIRED');
  return caller.personId;
}

export function myPerson(person: PlatformPerson, policy: Policy): MyPerson {
  return {
    name: person.name,
    maskedIdNumber: maskIdNumber(person.idNumber),
    insurance: person.insurance,
    region: person.region,
    status: person.status,
    balance: person.balance,
    usableForFamily: person.insurance === 'employee' && person.status === 'active' ? usableSharedBalance(person.balance, policy) : 0,
    eCredential: { active: person.eCredential.active, mode: person.eCredential.mode },
    accountChoice: person.accountChoice,
  };
}

/** A binding as one of its two people sees it: the other one masked. */
export function bindingView(binding: Binding, me: string): BindingView {
  const iAmAuthorizer = binding.authorizerId === me;
  return {
    bindingId: binding.bindingId,
    role: iAmAuthorizer ? 'authorizer' : 'beneficiary',
    counterpart: iAmAuthorizer ? masked(binding.beneficiaryName, binding.beneficiaryMaskedIdNumber) : masked(binding.authorizerName, binding.authorizerMaskedIdNumber),
    relation: binding.relation,
    status: binding.status,
    since: binding.createdAt,
    endedAt: binding.endedAt,
    endReason: binding.endReason,
    rank: iAmAuthorizer ? null : binding.rank,
    needsAcceptance: binding.needsAcceptance,
    counterpartInsurance: iAmAuthorizer ? (binding.beneficiaryInsurance ?? null) : null,
  };
}

export function invitationView(record: InvitationRecord, me: string, now: number): InvitationView {
  const sent = record.inviterId === me;
  const open = record.status === 'pending' || record.status === 'accepting';
  const status = open ? (now >= record.expiresAt ? 'expired' : 'pending') : record.status;
  return {
    invitationId: record.invitationId,
    box: sent ? 'sent' : 'received',
    counterpart: sent ? masked(record.inviteeName, record.inviteeMaskedIdNumber) : masked(record.inviterName, record.inviterMaskedIdNumber),
    relation: record.relation,
    status: status as InvitationView['status'],
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    decidedAt: open ? (status === 'expired' ? record.expiresAt : null) : record.decidedAt,
    bindingId: record.bindingId,
    closedReason: record.status === 'closed' ? record.closedReason : null,
  };
}

export function policySummary(policy: Policy) {
  return {
    name: policy.name,
    maxAuthorizersPerBeneficiary: policy.maxAuthorizersPerBeneficiary,
    reserveFloor: policy.reserveFloor,
    reserveMode: policy.reserveMode,
    invitationTtlHours: policy.invitationTtlHours,
    minorAge: policy.minorAge,
    allowedRelations: [...policy.allowedRelations],
    regionName: policy.regionName,
    hotline: policy.hotline,
    counterName: policy.counterName,
    basis: policy.basis,
  };
}

type RefundMarks = Pick<DeductionView, 'cancelled' | 'refundSeq' | 'refundOf' | 'refundOfSeq' | 'refundVia' | 'takenBack'>;

/**
 * R23/R24: how a ledger entry or a payment record is linked to a cancellation or a reversal,
 * for the history rows (退回 +¥… ↔ 已撤销). Only the fields that apply are set. A refund with no
 * cancellation id came from a reversal (冲正) of the settlement itself.
 */
export function refundMarks(entry: {
  kind?: string | undefined;
  cancelled?: boolean | undefined;
  refundSeq?: string | undefined;
  refundOf?: string | undefined;
  refundOfSeq?: string | undefined;
  cancellationId?: string | null | undefined;
  takenBack?: boolean | undefined;
}): RefundMarks {
  const marks: RefundMarks = {};
  if (entry.cancelled) marks.cancelled = true;
  if (entry.refundSeq) marks.refundSeq = entry.refundSeq;
  if (entry.refundOf) marks.refundOf = entry.refundOf;
  if (entry.refundOfSeq) marks.refundOfSeq = entry.refundOfSeq;
  if (entry.kind === 'refund') marks.refundVia = entry.cancellationId ? 'cancellation' : 'reversal';
  if (entry.takenBack) marks.takenBack = true;
  return marks;
}
