// The BFF contract: the payment estimate, 付款预估 (R22).
import { z } from 'zod';
import { AccountChoiceSchema, FenSchema, OpaqueIdSchema, RelationSchema } from '../common';
import { EpochMsSchema, InstitutionCodeSchema, InstitutionKindSchema, NoSharingReasonSchema } from '../platform';

/**
 * The largest amount one may estimate (¥50,000): above any personal share at a pharmacy or an
 * outpatient counter. A bigger figure tells the person nothing more and only widens what the
 * split can say about a relative's account (see bff estimate-payment).
 */
export const ESTIMATE_MAX_FEN = 5_000_000;

export const EstimateInstitutionSchema = z.object({
  code: InstitutionCodeSchema,
  name: z.string(),
  kind: InstitutionKindSchema,
  /** R21: family-shared deductions happen there (in the policy's region, or opened for cross-area sharing). */
  familySharing: z.boolean(),
});
export const EstimateInstitutionListSchema = z.object({
  items: z.array(EstimateInstitutionSchema),
  /** Where the estimate is made when the person picks none: a pharmacy near them (see the use case). */
  defaultCode: InstitutionCodeSchema.nullable(),
  /** Bounds of the amount, in fen, for the page to word (ESTIMATE_MAX_FEN). */
  minAmount: FenSchema,
  maxAmount: FenSchema,
});

/** What a person typed, in yuan ("128.5", "¥1,234.56"): the BFF reads it exactly (parseYuan) or answers AMOUNT_INVALID. */
export const PaymentEstimateRequestSchema = z.object({
  amount: z.string().min(1).max(24),
  /** Absent: the default institution (EstimateInstitutionList.defaultCode). */
  institutionCode: InstitutionCodeSchema.optional(),
  /** R11: the per-payment choice at the counter; absent → my saved preference. */
  choice: AccountChoiceSchema.optional(),
});

/**
 * How a payment of `charge` would be split now. My own account is mine to see; of a relative
 * only the masked name, the binding's relation and the amount — never their balance.
 */
export const PaymentEstimateSchema = z.object({
  charge: FenSchema,
  institution: EstimateInstitutionSchema,
  own: FenSchema,
  /** My own account after it; null for a resident, who has none. */
  ownBalanceAfter: FenSchema.nullable(),
  shared: z.array(
    z.object({
      bindingId: OpaqueIdSchema.nullable(),
      maskedName: z.string(),
      /** The binding's relation (what I am to them): the phone words it from my side. */
      relation: RelationSchema.nullable(),
      amount: FenSchema,
    }),
  ),
  cash: FenSchema,
  /** R21: why nothing is shared at this institution although I have relatives who share. */
  noSharingReason: NoSharingReasonSchema.nullable(),
  at: EpochMsSchema,
});
export type PaymentEstimate = z.infer<typeof PaymentEstimateSchema>;
