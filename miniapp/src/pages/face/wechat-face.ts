import { wxGlobal } from '@/utils/wechat'

export type WechatFaceResult = 'checked' | 'unsupported'

/**
 * The weapp's face verification, as WeChat's 人脸核身 documents it: first
 * wx.checkIsSupportFacialRecognition (a phone without a usable front camera or model cannot),
 * then wx.requestFacialVerify with the verifyId the BFF got from getverifyid. Whatever the
 * phone's callback says — success or fail — the BFF's queryverifyinfo decides, so both end in
 * 'checked' and the page asks the BFF. Only 'unsupported' stops here, with a way out.
 */
export async function runWechatFace(verifyId: string): Promise<WechatFaceResult> {
  const wx = wxGlobal()
  // A WeChat too old for 人脸核身 2.0 (base library < 3.8.12) has neither: the same way out.
  if (!wx?.checkIsSupportFacialRecognition || !wx.requestFacialVerify) return 'unsupported'
  const api = { check: wx.checkIsSupportFacialRecognition.bind(wx), verify: wx.requestFacialVerify.bind(wx) }
  const supported = await new Promise<boolean>((resolve) => {
    api.check({ success: () => resolve(true), fail: () => resolve(false) })
  })
  if (!supported) return 'unsupported'
  await new Promise<void>((resolve) => {
    api.verify({ verifyId, success: () => resolve(), fail: () => resolve() })
  })
  return 'checked'
}
