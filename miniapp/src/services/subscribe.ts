import Taro from '@tarojs/taro'
import { templatesOfFlow, type SubscriptionDecision, type SubscriptionFlow } from '@family-share/shared'
import { IS_WEAPP } from '@/utils/wechat'
import { call } from './http'

const DECISIONS: ReadonlySet<string> = new Set(['accept', 'reject', 'ban', 'filter'])

/**
 * R20, at a tap that starts a flow which will notify: asks WeChat (wx.requestSubscribeMessage)
 * for the templates that flow's notifications use, and records the answer in the BFF, which
 * sends a WeChat message only where it was accepted. Call it first in the tap handler, before
 * anything else is awaited: WeChat shows the panel only inside a tap. It never blocks the
 * flow: a refusal, a switched-off panel (20004) or a failure means no WeChat message, and the
 * in-app inbox has every notice anyway. h5 has no WeChat: nothing is asked there.
 */
export async function askToNotify(flow: SubscriptionFlow): Promise<void> {
  if (!IS_WEAPP) return
  const tmplIds = templatesOfFlow(flow)
  let answer: Record<string, unknown>
  try {
    // Taro's type demands entityIds (another platform's field); WeChat takes tmplIds alone.
    const options = { tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]
    answer = (await Taro.requestSubscribeMessage(options)) as unknown as Record<string, unknown>
  } catch {
    return
  }
  const decisions: Record<string, SubscriptionDecision> = {}
  for (const id of tmplIds) {
    const decision = answer[id]
    if (typeof decision === 'string' && DECISIONS.has(decision)) decisions[id] = decision as SubscriptionDecision
  }
  if (Object.keys(decisions).length === 0) return
  await call('saveSubscriptions', { body: { flow, decisions } }).catch(() => undefined)
}
