// The BFF contract: face verification (R6).
import { z } from 'zod';
import { IdNumberSchema, OpaqueIdSchema, PersonNameSchema } from '../common';
import { EpochMsSchema } from '../platform';

export const FacePurposeSchema = z.enum(['activate', 'bind', 'unbind']);
export type FacePurpose = z.infer<typeof FacePurposeSchema>;

export const FaceSessionRequestSchema = z.discriminatedUnion('purpose', [
  /** Before activation the BFF does not know who this is: name and number are verified against the face. */
  z.object({ purpose: z.literal('activate'), name: PersonNameSchema, idNumber: IdNumberSchema }),
  /** target: the ID number of the relative to bind. */
  z.object({ purpose: z.literal('bind'), target: IdNumberSchema }),
  /** target: the binding to end. */
  z.object({ purpose: z.literal('unbind'), target: OpaqueIdSchema }),
]);

export const FaceSessionSchema = z.object({
  sessionId: z.string(),
  /** WeChat's verify_id (getverifyid), for wx.requestFacialVerify on the phone. */
  verifyId: z.string(),
  purpose: FacePurposeSchema,
  expiresAt: EpochMsSchema,
  /** In demo mode the page may choose the outcome of the simulated camera. */
  demo: z.boolean(),
  /** Where to go when this phone cannot do face verification (policy data, R6 online only otherwise). */
  help: z.object({ counter: z.string(), hotline: z.string() }),
});

export const FaceOutcomeSchema = z.enum(['pass', 'fail', 'spoof', 'timeout']);
export const FaceCompleteRequestSchema = z.object({ outcome: FaceOutcomeSchema.optional() });

export const FaceTicketSchema = z.object({
  ticket: z.string(),
  purpose: FacePurposeSchema,
  expiresAt: EpochMsSchema,
});
export type FaceTicket = z.infer<typeof FaceTicketSchema>;

export const FaceStatusSchema = z.object({
  attemptsLeft: z.number().int(),
  lockedUntil: EpochMsSchema.nullable(),
});

export const FaceTicketStringSchema = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);
