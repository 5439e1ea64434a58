// The BFF contract: the home page and the binding view.
import { z } from 'zod';
import { AccountChoiceSchema, FenSchema, InsuranceSchema, OpaqueIdSchema, PersonStatusSchema, RelationSchema } from '../common';
import { BindingEndReasonSchema, EpochMsSchema } from '../platform';
import { MaskedPersonSchema, PolicySummarySchema } from './building-blocks';

export const BindingViewSchema = z.object({
  bindingId: OpaqueIdSchema,
  /** My side of this binding. */
  role: z.enum(['authorizer', 'beneficiary']),
  counterpart: MaskedPersonSchema,
  /** What the beneficiary is to the authorizer. */
  relation: RelationSchema,
  status: z.enum(['active', 'ended']),
  since: EpochMsSchema,
  endedAt: EpochMsSchema.nullable(),
  endReason: BindingEndReasonSchema.nullable(),
  /** R14: for my authorizers, their position (1 pays first). */
  rank: z.number().int().nullable(),
  needsAcceptance: z.boolean(),
  /** For a beneficiary: the relative's insurance (residents can have premiums paid, R15). */
  counterpartInsurance: InsuranceSchema.nullable(),
});
export type BindingView = z.infer<typeof BindingViewSchema>;

export const MyPersonSchema = z.object({
  name: z.string(),
  maskedIdNumber: z.string(),
  insurance: InsuranceSchema.nullable(),
  region: z.string(),
  status: PersonStatusSchema,
  balance: FenSchema,
  /** R13: what relatives can spend from my account right now. */
  usableForFamily: FenSchema,
  eCredential: z.object({ active: z.boolean(), mode: z.enum(['self', 'guardian']).nullable() }),
  accountChoice: AccountChoiceSchema,
});
export type MyPerson = z.infer<typeof MyPersonSchema>;

export const HomeSchema = z.object({
  /** null until the e-credential is activated: the person is not known yet. */
  person: MyPersonSchema.nullable(),
  sharing: z.object({
    asAuthorizer: z.array(BindingViewSchema),
    asBeneficiary: z.array(BindingViewSchema),
  }),
  pendingInvitations: z.number().int(),
  unreadNotifications: z.number().int(),
  policy: PolicySummarySchema,
  demo: z.boolean(),
});
export type Home = z.infer<typeof HomeSchema>;
