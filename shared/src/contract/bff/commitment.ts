// The BFF contract: the commitment letter (R9).
import { z } from 'zod';
import { EpochMsSchema } from '../platform';

export const CommitmentSchema = z.object({
  version: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  reserveNote: z.string(),
  acceptedAt: EpochMsSchema.nullable(),
});
export const AcceptCommitmentRequestSchema = z.object({ version: z.string().min(1).max(64) });
export const CommitmentAcceptanceSchema = z.object({ version: z.string(), acceptedAt: EpochMsSchema });
