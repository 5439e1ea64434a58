import { TIBET_2022_LETTER } from './commitment';
import type { Fen } from './money';

/** R3 DECISION: the civil-law close relatives. */
export const RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const;

/** What the beneficiary is to the authorizer ('child': the beneficiary is the authorizer's child). */
export type Relation = (typeof RELATIONS)[number];

/**
 * R13: how the 3000-yuan reserve of the authorizer is read.
 * - 'floor' (DECISION, default): family use may draw the balance down to the reserve, never below.
 * - 'gate': the literal reading; family use stops only once the balance is at or below the reserve.
 */
export type ReserveMode = 'floor' | 'gate';

/**
 * R9: a region's commitment letter. An acceptance is recorded with the letter's id and version,
 * and counts only while both are those of the policy in force: the same version string on
 * another region's letter is not the letter that was accepted. Change the version whenever the
 * text changes; two policies that share a letter share the object (and so its acceptances).
 */
export interface CommitmentLetter {
  /** Which letter (the region's document); never reused for another text. */
  id: string;
  version: string;
  title: string;
  paragraphs: readonly string[];
}

export interface Policy {
  /**
   * A stable name for logs and settings. A plain string, so that a region is one file: a
   * literal union here made every new policy (and the test-only one) edit this type too.
   */
  name: string;
  /** R13: 3000 yuan. */
  reserveFloor: Fen;
  reserveMode: ReserveMode;
  /** R4 / R14: how many authorizers one beneficiary may have at once. */
  maxAuthorizersPerBeneficiary: number;
  /** R3: the civil-law close relatives, which a region may narrow. */
  allowedRelations: readonly Relation[];
  /** R2: insuring-area codes of the region start with this. */
  regionPrefix: string;
  /** R18: under this age on the binding day, only a parent binds, as guardian. */
  minorAge: number;
  /** R19 */
  invitationTtlHours: number;
  /** R23 DECISION: a settlement may be cancelled (撤销) this many days after it was made. */
  cancellationWindowDays: number;
  /** How people call the region in a sentence ("只有在西藏参加职工医保…"); matches regionPrefix. */
  regionName: string;
  /** The medical-insurance service hotline a person can call when the phone cannot help. */
  hotline: string;
  /** Where the same service is done in person (000: 办理渠道 窗口办理). */
  counterName: string;
  /** The document the service rests on, as people cite it. */
  basis: string;
  /** R9: the letter an authorizer accepts before inviting; the reserve note under it is commitmentReserveNote(policy). */
  commitment: CommitmentLetter;
}

/** 藏医保办〔2022〕11号: one authorizer per beneficiary. The default everywhere. */
export const TIBET_2022: Policy = Object.freeze({
  name: 'tibet-2022',
  reserveFloor: 300_000,
  reserveMode: 'floor',
  maxAuthorizersPerBeneficiary: 1,
  allowedRelations: RELATIONS,
  regionPrefix: '54',
  minorAge: 16,
  invitationTtlHours: 72,
  cancellationWindowDays: 30,
  regionName: '西藏',
  // 12393: the national medical-security service hotline, answered in every region.
  hotline: '12393',
  // 000 二 受理单位: 自治区、地(市)、县(区)医疗保障经办机构
  counterName: '当地医疗保障经办机构窗口',
  basis: '藏医保办〔2022〕11号',
  commitment: TIBET_2022_LETTER,
});

/**
 * The Ngari 2025 note (001 二): several authorizers, walked in the beneficiary's order (R14).
 * The note gives no maximum; five is this product's DECISION so that a list stays reviewable.
 */
export const NGARI_2025: Policy = Object.freeze({
  ...TIBET_2022,
  name: 'ngari-2025',
  maxAuthorizersPerBeneficiary: 5,
  counterName: '阿里地区医疗保障经办机构窗口',
  basis: '阿里地区2025年个人账户家庭共济说明',
  // The note changes the number of authorizers, not the letter: Tibet's 附件2 (inherited) stays.
});

export const DEFAULT_POLICY: Policy = TIBET_2022;

/** The policies a deployment can choose by name (POLICY / PLATFORM_POLICY): a new region registers here. */
export const POLICIES: Readonly<Record<string, Policy>> = Object.freeze({
  'tibet-2022': TIBET_2022,
  'ngari-2025': NGARI_2025,
});

export function policyByName(name: string): Policy | undefined {
  return Object.prototype.hasOwnProperty.call(POLICIES, name)
    ? POLICIES[name]
    : undefined;
}

/**
 * R13: how much of an authorizer's balance family use may spend right now.
 * floor: max(0, balance − reserve); gate: everything while the balance is above the reserve.
 */
export function usableSharedBalance(balance: Fen, policy: Policy = DEFAULT_POLICY): Fen {
  if (policy.reserveMode === 'gate') return balance > policy.reserveFloor ? balance : 0;
  return Math.max(0, balance - policy.reserveFloor);
}
