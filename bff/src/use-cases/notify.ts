import { subscriptionMessage } from '@family-share/shared';
import type { BffDeps } from '../deps';

/** The other person an inbox entry names (inviter or invitee): only ever sent masked. */
const counterpartOf = (data: Record<string, string | number | null>): string | null => {
  const name = data.fromName ?? data.byName ?? data.otherName;
  return typeof name === 'string' ? name : null;
};

/**
 * R20 for what the BFF itself decides (invitations). The in-app entry is written first and
 * always: it is the record. Then, best-effort and without holding up the caller, a WeChat
 * subscription message — only when the person accepted that template at a tap
 * (wx.requestSubscribeMessage) and has an accepted message left — and what became of it is
 * logged per person: sent, not accepted (nothing sent), or refused with WeChat's errcode.
 *
 * Steps and what a crash between them leaves: (1) the inbox entry — the record, before
 * anything else; (2) one accepted message taken — a crash after it loses that message (no
 * double sending is possible, at worst one accepted message is wasted) and the inbox has the
 * entry; (3) sent; (4) logged — a crash before it leaves a sent message unlogged.
 */
export async function notify(deps: BffDeps, personId: string, kind: string, data: Record<string, string | number | null>): Promise<void> {
  const at = deps.clock();
  await deps.inbox.add(personId, kind, at, data);
  const message = subscriptionMessage(kind, { counterpartName: counterpartOf(data), at });
  if (!message) return;
  const openid = await deps.openids.of(personId);
  if (!openid) return;
  deliver(deps, openid, kind, message, at).catch((error: unknown) => deps.log.warn({ err: error, kind }, 'subscription message not recorded'));
}

async function deliver(
  deps: BffDeps,
  openid: string,
  kind: string,
  message: NonNullable<ReturnType<typeof subscriptionMessage>>,
  at: number,
): Promise<void> {
  const templateId = message.template_id;
  if (!(await deps.subscriptions.take(openid, templateId))) {
    await deps.subscriptions.logDelivery(openid, { kind, templateId, at, result: 'not-accepted', errcode: null });
    return;
  }
  try {
    const sent = await deps.wechat.sendSubscribeMessage(openid, message);
    await deps.subscriptions.logDelivery(openid, sent.sent
      ? { kind, templateId, at, result: 'sent', errcode: null }
      : { kind, templateId, at, result: 'refused', errcode: sent.errcode });
  } catch (error) {
    deps.log.warn({ err: error, kind }, 'subscription message not sent');
    await deps.subscriptions.logDelivery(openid, { kind, templateId, at, result: 'refused', errcode: null });
  }
}
