// The BFF contract: the inbox (R20).
import { z } from 'zod';
import { limitQuery, STREAM_ID_PATTERN } from '../common';
import { EpochMsSchema, FeedKindSchema } from '../platform';

/** The inbox: what the BFF itself decides (invitations), then everything the platform's feed tells. */
export const NotificationKindSchema = z.enum([
  'INVITATION_RECEIVED',
  'INVITATION_ACCEPTED',
  'INVITATION_REJECTED',
  'INVITATION_CANCELLED',
  'INVITATION_EXPIRED',
  'INVITATION_CLOSED',
  ...FeedKindSchema.options,
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  at: EpochMsSchema,
  read: z.boolean(),
  /** Masked names, amounts in fen, reasons as codes: the mini-program words them. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type NotificationView = z.infer<typeof NotificationSchema>;
export const NotificationQuerySchema = z.object({
  /**
   * Opaque: where each of the two sources (platform feed ~ BFF inbox) was left, each a stream
   * entry id or empty. Checked here in full: the ids reach XREVRANGE.
   */
  cursor: z.string().regex(new RegExp(`^(${STREAM_ID_PATTERN})?~(${STREAM_ID_PATTERN})?$`), 'a notification cursor').optional(),
  limit: limitQuery(50),
});
export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export const MarkReadRequestSchema = z.object({ upTo: EpochMsSchema });
