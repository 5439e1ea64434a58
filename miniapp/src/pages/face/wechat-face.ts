import Taro from '@tarojs/taro'
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
  const supported = await Taro.checkIsSupportFacialRecognition().then(
    () => true,
    () => false,
  )
  const wx = wxGlobal()
  if (!supported || !wx?.requestFacialVerify) return 'unsupported'
  const request = wx.requestFacialVerify
  await new Promise<void>((resolve) => {
    request({ verifyId, success: () => resolve(), fail: () => resolve() })
  })
  return 'checked'
}
