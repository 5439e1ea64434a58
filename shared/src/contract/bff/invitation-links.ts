// The BFF contract: signed invitation links, 发送给家人.
import { z } from 'zod';
import { EpochMsSchema } from '../platform';

/** A signed link to one invitation; it expires with the invitation. */
export const InvitationLinkSchema = z.object({
  token: z.string(),
  /** The mini-program page it opens (the share card's path; h5: after '#'). */
  path: z.string(),
  expiresAt: EpochMsSchema,
});
export const InvitationLinkTokenSchema = z.string().min(20).max(200).regex(/^[A-Za-z0-9_.-]+$/);
