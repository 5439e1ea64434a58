// The BFF contract: WeChat subscription consents (R20).
import { z } from 'zod';
import { EpochMsSchema } from '../platform';

export const SubscriptionFlowSchema = z.enum(['invite', 'accept', 'payPremium', 'bindChild', 'endBinding']);
export const SubscriptionDecisionSchema = z.enum(['accept', 'reject', 'ban', 'filter']);
export const TemplateIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** What wx.requestSubscribeMessage answered at the tap that starts a flow, per template id. */
export const SaveSubscriptionsRequestSchema = z.object({
  flow: SubscriptionFlowSchema,
  decisions: z.record(TemplateIdSchema, SubscriptionDecisionSchema).refine((d) => Object.keys(d).length >= 1 && Object.keys(d).length <= 5, 'one to five templates'),
});

export const SubscriptionsViewSchema = z.object({
  /** Per template: the last answer, and how many accepted messages are left to send (一次性订阅). */
  consents: z.array(z.object({ templateId: z.string(), decision: SubscriptionDecisionSchema, left: z.number().int(), at: EpochMsSchema })),
  /** The latest subscription messages the BFF tried to send me, and what became of each. */
  deliveries: z.array(
    z.object({
      kind: z.string(),
      templateId: z.string(),
      at: EpochMsSchema,
      /** sent; not-accepted: no accepted template left, so nothing was sent; refused: WeChat's errcode (43101 …), null when unreachable. */
      result: z.enum(['sent', 'not-accepted', 'refused']),
      errcode: z.number().int().nullable(),
    }),
  ),
});
export type SubscriptionsView = z.infer<typeof SubscriptionsViewSchema>;
