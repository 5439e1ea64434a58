import { maskName } from './id-number';

/**
 * WeChat subscription messages (R20, "WeChat for real"): a person must accept a template with
 * wx.requestSubscribeMessage, at a tap, before the server may send one message with it
 * (message/subscribe/send answers 43101 otherwise). Each notification kind goes out with one
 * template; each flow that will notify asks, at the tap that starts it, for the templates of
 * the notifications it will cause for that person.
 *
 * The ids are the mini-program's templates as configured on the WeChat platform (订阅消息 →
 * 我的模板): one place, read by the mini-program (to ask) and the servers (to send).
 */
export const SUBSCRIPTION_TEMPLATES = {
  /** Someone invited me, or withdrew an invitation. */
  invitation: 'tmpl_fs_invitation_v1',
  /** My invitation was accepted, rejected or expired. */
  invitationResult: 'tmpl_fs_invitation_result_v1',
  /** A binding of mine was made or ended. */
  binding: 'tmpl_fs_binding_v1',
  /** My account was used (a deduction), or my payment used a shared account. */
  accountUsed: 'tmpl_fs_account_used_v1',
  /** A premium was paid for me or by me. */
  premium: 'tmpl_fs_premium_v1',
} as const;

export type SubscriptionTopic = keyof typeof SUBSCRIPTION_TEMPLATES;

/** The notification kinds (BFF inbox and platform feed) and the template each goes out with. */
const TOPIC_OF_KIND: Record<string, SubscriptionTopic> = {
  INVITATION_RECEIVED: 'invitation',
  INVITATION_CANCELLED: 'invitation',
  INVITATION_ACCEPTED: 'invitationResult',
  INVITATION_REJECTED: 'invitationResult',
  INVITATION_EXPIRED: 'invitationResult',
  BINDING_CREATED: 'binding',
  BINDING_ENDED: 'binding',
  DEDUCTION: 'accountUsed',
  PAYMENT: 'accountUsed',
  PREMIUM_PAID: 'premium',
};

export function templateOfKind(kind: string): string | null {
  const topic = TOPIC_OF_KIND[kind];
  return topic ? SUBSCRIPTION_TEMPLATES[topic] : null;
}

/**
 * The taps that start a flow which will notify the tapping person, and what it will tell
 * them. At most three templates per request (older WeChat clients accept no more).
 */
export const SUBSCRIPTION_FLOWS = {
  /** 发送邀请: the answer to it, the binding it makes, the deductions that follow. */
  invite: ['invitationResult', 'binding', 'accountUsed'],
  /** 接受邀请: the binding, and each payment that uses the shared account. */
  accept: ['binding', 'accountUsed'],
  /** 缴纳保费: the receipt. */
  payPremium: ['premium', 'accountUsed'],
  /** 绑定子女: the binding, and what the child's payments take. */
  bindChild: ['binding', 'accountUsed', 'premium'],
  /** 解除共济: the end of the binding. */
  endBinding: ['binding'],
} as const satisfies Record<string, readonly SubscriptionTopic[]>;

export type SubscriptionFlow = keyof typeof SUBSCRIPTION_FLOWS;

export const templatesOfFlow = (flow: SubscriptionFlow): string[] => SUBSCRIPTION_FLOWS[flow].map((t) => SUBSCRIPTION_TEMPLATES[t]);

export const ALL_TEMPLATE_IDS: readonly string[] = Object.values(SUBSCRIPTION_TEMPLATES);

/** What each kind says (a template's thing field holds at most 20 characters). */
const TITLES: Record<string, string> = {
  INVITATION_RECEIVED: '家人邀请您共享医保个人账户',
  INVITATION_CANCELLED: '家庭共济邀请已撤回',
  INVITATION_ACCEPTED: '您的家庭共济邀请已被接受',
  INVITATION_REJECTED: '您的家庭共济邀请被拒绝',
  INVITATION_EXPIRED: '您的家庭共济邀请已过期',
  BINDING_CREATED: '家庭共济关系已建立',
  BINDING_ENDED: '家庭共济关系已解除',
  DEDUCTION: '家人使用了您的医保个人账户',
  PAYMENT: '您的结算使用了共济账户',
  PREMIUM_PAID: '居民医保费已缴纳',
};

/** "YYYY-MM-DD HH:mm" in China time (UTC+8, no daylight saving), the time field of a template. */
function chinaMinute(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface SubscriptionMessage {
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * The body of message/subscribe/send for a notification kind, or null when the kind has no
 * template. The other person appears only masked (issue 9 item 7): a message shows on a lock
 * screen, and the in-app inbox has the details.
 */
export function subscriptionMessage(kind: string, input: { counterpartName?: string | null; at: number }): SubscriptionMessage | null {
  const template = templateOfKind(kind);
  if (!template) return null;
  const who = input.counterpartName ? maskName(input.counterpartName) : '家人';
  return {
    template_id: template,
    page: 'pages/notifications/index',
    data: {
      thing1: { value: TITLES[kind] ?? '医保家庭共济有新消息' },
      name2: { value: who },
      time3: { value: chinaMinute(input.at) },
    },
  };
}

/** What wx.requestSubscribeMessage answers per template id. */
export type SubscriptionDecision = 'accept' | 'reject' | 'ban' | 'filter';
