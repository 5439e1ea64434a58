import type { FacePurpose } from '@family-share/shared'
import { call } from './http'

export type FaceOutcome = 'pass' | 'fail' | 'spoof' | 'timeout'

export type FaceSessionRequest =
  | { purpose: 'activate'; name: string; idNumber: string }
  | { purpose: 'bind'; target: string }
  | { purpose: 'unbind'; target: string }

export const startFaceSession = (body: FaceSessionRequest) => call('startFace', { body })

/** outcome only counts in demo mode; a real camera decides it otherwise. */
export const completeFaceSession = (sessionId: string, outcome?: FaceOutcome) =>
  call('completeFace', { params: { sessionId }, body: outcome ? { outcome } : {} })

export const getFaceStatus = () => call('faceStatus')

export type { FacePurpose }
