import type { Policy } from '@family-share/shared';
import type { BffDeps } from '../deps';

type Summary = (data: Record<string, unknown>, policy: Policy) => string;

const SUMMARIES: Record<string, Summary> = {
  // R19: the time limit is the policy's, never a literal (STYLE 14)
  INVITATION_RECEIVED: (d, p) => `${String(d.fromName ?? '')}邀请您共享其医保个人账户，请在${p.invitationTtlHours}小时内处理`,
  INVITATION_ACCEPTED: (d) => `${String(d.byName ?? '')}已接受您的家庭共济邀请`,
  INVITATION_REJECTED: (d) => `${String(d.byName ?? '')}拒绝了您的家庭共济邀请`,
  INVITATION_CANCELLED: (d) => `${String(d.byName ?? '')}撤回了家庭共济邀请`,
  INVITATION_EXPIRED: () => '一条家庭共济邀请已过期',
};

/**
 * R20 for what the BFF itself decides (invitations): an in-app notice, and a WeChat
 * subscription message when the person's WeChat account is known — best-effort, logged.
 */
export async function notify(deps: BffDeps, personId: string, kind: string, data: Record<string, string | number | null>): Promise<void> {
  const at = deps.clock();
  await deps.inbox.add(personId, kind, at, data);
  const openid = await deps.openids.of(personId);
  if (!openid) return;
  const summary = SUMMARIES[kind]?.(data, deps.config.policy) ?? '您的医保家庭共济有新消息';
  deps.wechat
    .sendSubscribeMessage(openid, { template: `family_share_${kind.toLowerCase()}`, summary, at })
    .catch((error: unknown) => deps.log.warn({ err: error, kind }, 'subscription message not sent'));
}
