// The BFF contract: bindings, their order and the account choice (R11, R14).
import { z } from 'zod';
import { AccountChoiceSchema, OpaqueIdSchema } from '../common';
import { PolicySummarySchema } from './building-blocks';
import { FaceTicketStringSchema } from './face';
import { BindingViewSchema } from './home';

export const BindingListSchema = z.object({
  asAuthorizer: z.array(BindingViewSchema),
  asBeneficiary: z.array(BindingViewSchema),
  accountChoice: AccountChoiceSchema,
  policy: PolicySummarySchema,
});

export const EndBindingBffRequestSchema = z.object({ faceTicket: FaceTicketStringSchema.optional() });

export const BffPreferencesRequestSchema = z
  .object({
    accountChoice: AccountChoiceSchema.optional(),
    /** R14: my authorizers' bindings, first pays first. */
    authorizerOrder: z.array(OpaqueIdSchema).max(20).optional(),
  })
  .refine((b) => b.accountChoice !== undefined || b.authorizerOrder !== undefined, { message: 'nothing to change' });

export const PreferencesSchema = z.object({
  accountChoice: AccountChoiceSchema,
  authorizerOrder: z.array(OpaqueIdSchema),
});
