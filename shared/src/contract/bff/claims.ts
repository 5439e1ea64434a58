// The BFF contract: manual reimbursement claims (000 一).
import { z } from 'zod';
import { FenSchema } from '../common';
import { EpochMsSchema } from '../platform';

export const ClaimStepKeySchema = z.enum(['apply', 'accept', 'review', 'pay', 'done']);
export const ClaimViewSchema = z.object({
  claimId: z.string(),
  filedAt: EpochMsSchema,
  institutionName: z.string(),
  amount: FenSchema,
  currentStep: ClaimStepKeySchema,
  steps: z.array(z.object({ key: ClaimStepKeySchema, at: EpochMsSchema.nullable() })),
  /** The 30-working-day limit, as a date (YYYY-MM-DD). */
  deadline: z.string(),
  overdue: z.boolean(),
});
export const ClaimListSchema = z.object({ items: z.array(ClaimViewSchema), materials: z.array(z.string()), notes: z.array(z.string()) });
