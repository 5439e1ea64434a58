/**
 * How the face page hands its single-use ticket back to the page that opened it.
 *
 * The opener calls verifyFace(request). That registers one-shot listeners on Taro.eventCenter
 * under a fresh request id, then navigateTo's the face page with purpose, target and the id
 * in its params. The face page, on a pass, triggers `fs:face:<id>` with the ticket FIRST and
 * navigateBack's AFTER: pages below the top of the stack stay mounted on weapp and h5 alike,
 * so the opener's listener runs and its awaited promise resolves while it is sliding back in,
 * and it can spend the ticket at once. If the person leaves the face page any other way, the
 * face page's unload triggers the same event with null, so the opener never waits forever.
 * The event is per request id, so two openers (or a stale face page) cannot mix tickets up.
 *
 * What is to be verified (purpose and target: the person's own ID number and name for
 * 'activate', a relative's ID number for 'bind') stays in this module's memory, never in the URL:
 * h5 puts params in the address bar and browser history. Only the purpose and the request id
 * travel in the URL; a reloaded face page has lost the request and asks the person to start again.
 */
import Taro from '@tarojs/taro'
import type { FaceSessionRequest } from '@/services/face'

export interface FaceResult {
  ticket: string
}

const EVENT = 'fs:face:'
const pending = new Map<string, FaceSessionRequest>()
let counter = 0

export const FACE_PAGE = '/pages/face/index'

export function verifyFace(request: FaceSessionRequest): Promise<FaceResult | null> {
  counter += 1
  const id = `${Date.now().toString(36)}${counter}`
  pending.set(id, request)
  return new Promise((resolve) => {
    Taro.eventCenter.once(`${EVENT}${id}`, (result: FaceResult | null) => {
      pending.delete(id)
      resolve(result)
    })
    Taro.navigateTo({ url: `${FACE_PAGE}?purpose=${request.purpose}&rid=${id}` }).catch(() => {
      Taro.eventCenter.off(`${EVENT}${id}`)
      pending.delete(id)
      resolve(null)
    })
  })
}

/** The face page: what it was asked to verify; undefined after a reload lost it. */
export function faceRequestOf(id: string): FaceSessionRequest | undefined {
  return pending.get(id)
}

/** The face page: answer the opener (a ticket, or null when leaving without one). */
export function answerFaceRequest(id: string, result: FaceResult | null): void {
  if (!pending.has(id)) return
  Taro.eventCenter.trigger(`${EVENT}${id}`, result)
}
