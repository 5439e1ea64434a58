// The BFF contract: the deduction and payment history (R16, R23).
import { z } from 'zod';
import { FenSchema, MonthSchema, OpaqueIdSchema, RelationSchema, YearTextSchema, limitQuery } from '../common';
import { DeductionKindSchema, EpochMsSchema, InstitutionKindSchema } from '../platform';

export const HistoryQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,20}$/).optional(),
  limit: limitQuery(50),
  /** A binding id, or 'self' for my own spending. */
  relative: z.union([z.literal('self'), OpaqueIdSchema]).optional(),
  month: MonthSchema.optional(),
});

export const InstitutionViewSchema = z.object({ name: z.string(), kind: InstitutionKindSchema });

/**
 * R23/R24, optional so that older clients can ignore them: how a row of my history is linked to
 * a cancellation (撤销) or a reversal (冲正). `seq`s name rows of the same list, so that the
 * phone can link the refund (退回 +¥…) and its original (已撤销) both ways.
 */
const RefundLinkShape = {
  /** On a payment (settlement row): it was cancelled or reversed — 已撤销; refundSeq is the refund row. */
  cancelled: z.boolean().optional(),
  refundSeq: z.string().optional(),
  /** On a refund (or a refund taken back): the settlement it belongs to and its row (or the refund's row). */
  refundOf: z.string().optional(),
  refundOfSeq: z.string().optional(),
  /** On a refund: a cancellation at the counter (撤销) or a reversal of the settlement (冲正). */
  refundVia: z.enum(['cancellation', 'reversal']).optional(),
  /** On a refund: a reversal of the cancellation took it back — the payment stands again. */
  takenBack: z.boolean().optional(),
};

export const DeductionViewSchema = z.object({
  seq: z.string(),
  operationId: z.string(),
  kind: DeductionKindSchema,
  at: EpochMsSchema,
  amount: FenSchema,
  balanceAfter: FenSchema,
  institution: InstitutionViewSchema.nullable(),
  year: z.number().int().nullable(),
  /** Who spent it: me, or a relative (masked). */
  spender: z.object({
    self: z.boolean(),
    maskedName: z.string(),
    bindingId: OpaqueIdSchema.nullable(),
    relation: RelationSchema.nullable(),
  }),
  ...RefundLinkShape,
});
export type DeductionView = z.infer<typeof DeductionViewSchema>;
export const DeductionViewPageSchema = z.object({ items: z.array(DeductionViewSchema), nextCursor: z.string().nullable() });

export const PaymentViewSchema = z.object({
  seq: z.string(),
  settlementId: z.string(),
  at: EpochMsSchema,
  institution: InstitutionViewSchema,
  charge: FenSchema,
  own: FenSchema,
  shared: z.array(z.object({ maskedName: z.string(), bindingId: OpaqueIdSchema.nullable(), amount: FenSchema })),
  cash: FenSchema,
  /**
   * Absent or 'settlement': a payment. 'refund': its cancellation or reversal — own and shared
   * went back to those accounts, cash is due back at the counter.
   */
  kind: z.enum(['settlement', 'refund']).optional(),
  ...RefundLinkShape,
});
export type PaymentView = z.infer<typeof PaymentViewSchema>;
export const PaymentViewPageSchema = z.object({ items: z.array(PaymentViewSchema), nextCursor: z.string().nullable() });

export const MonthlyQuerySchema = z.object({ year: YearTextSchema.optional() });
export const MonthlyViewSchema = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({
      month: MonthSchema,
      total: FenSchema,
      byRelative: z.array(z.object({ bindingId: OpaqueIdSchema.nullable(), maskedName: z.string(), self: z.boolean(), amount: FenSchema })),
    }),
  ),
});
