// The BFF contract: building blocks shared by several resources.
import { z } from 'zod';
import { FenSchema, RelationSchema } from '../common';

export const MaskedPersonSchema = z.object({
  maskedName: z.string(),
  maskedIdNumber: z.string(),
});

export const PolicySummarySchema = z.object({
  name: z.string(),
  maxAuthorizersPerBeneficiary: z.number().int(),
  reserveFloor: FenSchema,
  reserveMode: z.enum(['floor', 'gate']),
  invitationTtlHours: z.number().int(),
  minorAge: z.number().int(),
  /** R3: the relations the region allows, so that the mini-program offers no other. */
  allowedRelations: z.array(RelationSchema),
  /** Words for people: every policy value the mini-program states comes from here (STYLE 14). */
  regionName: z.string(),
  hotline: z.string(),
  counterName: z.string(),
  basis: z.string(),
});
export type PolicySummary = z.infer<typeof PolicySummarySchema>;
