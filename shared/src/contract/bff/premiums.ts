// The BFF contract: resident premiums and receipts (R15, R17).
import { z } from 'zod';
import { FenSchema, IdempotencyKeySchema, InsuranceSchema, OpaqueIdSchema, RelationSchema, YearSchema, YearTextSchema } from '../common';
import { EpochMsSchema } from '../platform';
import { MaskedPersonSchema } from './building-blocks';

export const PremiumItemSchema = z.object({
  bindingId: OpaqueIdSchema,
  relative: MaskedPersonSchema,
  relation: RelationSchema,
  insurance: InsuranceSchema.nullable(),
  year: z.number().int(),
  amountDue: FenSchema.nullable(),
  demoAmount: z.boolean(),
  status: z.enum(['unpaid', 'pending', 'paid', 'not_applicable']),
  paidAt: EpochMsSchema.nullable(),
  paidByMe: z.boolean(),
});
export const PremiumListQuerySchema = z.object({ year: YearTextSchema.optional() });
export const PremiumListSchema = z.object({
  year: z.number().int(),
  items: z.array(PremiumItemSchema),
  /** What my account can pay for relatives now (R13). */
  usableForFamily: FenSchema,
});

export const PayPremiumRequestSchema = z.object({ bindingId: OpaqueIdSchema, year: YearSchema });
/** A missing key answers IDEMPOTENCY_KEY_REQUIRED. */
export const IdempotencyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema.optional() });

export const BffPremiumReceiptSchema = z.object({
  paymentId: z.string(),
  bindingId: OpaqueIdSchema,
  relative: MaskedPersonSchema,
  year: z.number().int(),
  amount: FenSchema,
  balanceAfter: FenSchema,
  at: EpochMsSchema,
});
