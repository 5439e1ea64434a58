import type { SubscriptionDecision, SubscriptionsView } from '@family-share/shared';

export type Delivery = SubscriptionsView['deliveries'][number];

/**
 * Per WeChat account (openid), what the person answered to each subscription template
 * (wx.requestSubscribeMessage), and what the BFF sent them (R20). A one-time subscription
 * (一次性订阅) allows one message per 'accept'.
 */
export interface SubscriptionStore {
  record(openid: string, decisions: Record<string, SubscriptionDecision>, at: number): Promise<void>;
  consents(openid: string): Promise<SubscriptionsView['consents']>;
  /** Uses one accepted message of this template; false when none is left. */
  take(openid: string, templateId: string): Promise<boolean>;
  logDelivery(openid: string, delivery: Delivery): Promise<void>;
  deliveries(openid: string, limit: number): Promise<Delivery[]>;
}
