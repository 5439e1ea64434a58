import { useCallback, useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { ChipGroup } from '@/components/chip-group'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/tag'
import { messageOf } from '@/i18n/error-messages'
import { completeFaceSession, getFaceStatus, startFaceSession, type FaceOutcome } from '@/services/face'
import { isApiError } from '@/services/http'
import { answerFaceRequest, faceRequestOf } from '@/utils/face-handoff'
import { cx } from '@/utils/cx'
import { IS_WEAPP } from '@/utils/wechat'
import { FaceFrame } from './face-frame'
import { FaceLockNotice } from './lock-notice'
import { NoFaceDevice } from './no-face-device'
import { runWechatFace } from './wechat-face'
import './index.scss'

export const LIVENESS_PROMPTS = ['请眨眨眼', '请张张嘴', '请缓慢转头'] as const
const PROMPT_MS = 1400

const PURPOSE_TITLES = {
  activate: '激活医保电子凭证',
  bind: '绑定家人',
  unbind: '解除家庭共济关系',
} as const

const OUTCOMES: ReadonlyArray<{ value: FaceOutcome; label: string }> = [
  { value: 'pass', label: '通过' },
  { value: 'fail', label: '不匹配' },
  { value: 'spoof', label: '活体攻击' },
  { value: 'timeout', label: '超时' },
]

type Phase =
  | { kind: 'starting' }
  | { kind: 'lost' }
  | { kind: 'ready'; sessionId: string; verifyId: string; expiresAt: number; demo: boolean; help: Help }
  | { kind: 'scanning'; sessionId: string; prompt: number }
  | { kind: 'checking' }
  | { kind: 'passed' }
  | { kind: 'failed'; error: unknown; attemptsLeft: number | null }
  | { kind: 'locked'; until: number | null }
  | { kind: 'broken'; error: unknown }
  | { kind: 'unsupported'; help: Help }

type Help = { counter: string; hotline: string }

/** The big line under the frame: what to do now, or what happened. */
function promptOf(phase: Phase): string {
  switch (phase.kind) {
    case 'scanning':
      return LIVENESS_PROMPTS[phase.prompt] ?? ''
    case 'checking':
      return '正在核验…'
    case 'passed':
      return '验证通过'
    case 'failed':
      return '验证未通过'
    case 'locked':
      return '验证已锁定'
    case 'broken':
      return '暂时无法验证'
    default:
      return '请正对屏幕，保持光线充足'
  }
}

/**
 * R6: the simulated camera. Purpose and target come in the params; the opener waits for the
 * ticket through utils/face-handoff (see there how it gets back reliably).
 */
export default function Face() {
  const { params } = useRouter()
  const rid = params.rid ?? ''
  // Read once: the hand-off forgets the request as soon as it is answered, and this page must
  // keep showing what it verified until it has gone back.
  const [request] = useState(() => faceRequestOf(rid))
  const [phase, setPhase] = useState<Phase>({ kind: request ? 'starting' : 'lost' })
  const [outcome, setOutcome] = useState<FaceOutcome>('pass')
  const [demo, setDemo] = useState(false)
  const timers = useRef<ReturnType<typeof setTimeout>[]>([])
  const answered = useRef(false)
  const help = useRef<Help | null>(null)

  const later = (fn: () => void, ms: number) => {
    timers.current.push(setTimeout(fn, ms))
  }

  const begin = useCallback(async () => {
    if (!request) return
    setPhase({ kind: 'starting' })
    try {
      const status = await getFaceStatus()
      if (status.lockedUntil && status.lockedUntil > Date.now()) {
        setPhase({ kind: 'locked', until: status.lockedUntil })
        return
      }
      const session = await startFaceSession(request)
      setDemo(session.demo)
      help.current = session.help
      setPhase({ kind: 'ready', sessionId: session.sessionId, verifyId: session.verifyId, expiresAt: session.expiresAt, demo: session.demo, help: session.help })
    } catch (error) {
      if (isApiError(error) && error.code === 'FACE_LOCKED') setPhase({ kind: 'locked', until: null })
      else setPhase({ kind: 'broken', error })
    }
  }, [request])

  useEffect(() => {
    void begin()
  }, [begin])

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  useUnload(() => {
    // Leaving without a pass: tell the opener, so that it stops waiting.
    if (!answered.current) answerFaceRequest(rid, null)
  })

  const finish = async (sessionId: string) => {
    setPhase({ kind: 'checking' })
    try {
      const ticket = await completeFaceSession(sessionId, demo ? outcome : undefined)
      answered.current = true
      answerFaceRequest(rid, { ticket: ticket.ticket })
      setPhase({ kind: 'passed' })
      later(() => void Taro.navigateBack(), 500)
    } catch (error) {
      // WeChat's query says this phone could not do it (90001/90109): the same way out.
      if (isApiError(error) && error.code === 'FACE_DEVICE_UNSUPPORTED' && help.current) {
        setPhase({ kind: 'unsupported', help: help.current })
        return
      }
      if (isApiError(error) && error.code === 'FACE_LOCKED') {
        const status = await getFaceStatus().catch(() => null)
        setPhase({ kind: 'locked', until: status?.lockedUntil ?? null })
        return
      }
      const status = await getFaceStatus().catch(() => null)
      setPhase({ kind: 'failed', error, attemptsLeft: status?.attemptsLeft ?? null })
    }
  }

  const scan = () => {
    if (phase.kind !== 'ready') return
    if (phase.expiresAt <= Date.now()) {
      void begin()
      return
    }
    const { sessionId } = phase
    if (IS_WEAPP) {
      // weapp: WeChat's own camera (wx.requestFacialVerify); the BFF's query decides the result.
      const { verifyId, help } = phase
      setPhase({ kind: 'checking' })
      void runWechatFace(verifyId).then((ran) => (ran === 'unsupported' ? setPhase({ kind: 'unsupported', help }) : finish(sessionId)))
      return
    }
    setPhase({ kind: 'scanning', sessionId, prompt: 0 })
    LIVENESS_PROMPTS.forEach((_, index) => {
      if (index > 0) later(() => setPhase({ kind: 'scanning', sessionId, prompt: index }), index * PROMPT_MS)
    })
    later(() => void finish(sessionId), LIVENESS_PROMPTS.length * PROMPT_MS)
  }

  if (phase.kind === 'lost') {
    return (
      <PageShell>
        <PageState status='empty' title='验证已中断' description='页面已刷新，验证信息已失效。请返回上一页，重新发起人脸验证。' action={{ text: '返回', onClick: () => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' })) }} />
      </PageShell>
    )
  }
  if (phase.kind === 'starting') {
    return (
      <PageShell>
        <PageState status='loading' />
      </PageShell>
    )
  }

  const purpose = request?.purpose ?? 'activate'
  const scanning = phase.kind === 'scanning' || phase.kind === 'checking'
  return (
    <PageShell className='face'>
      <View className='face__purpose'>
        {PURPOSE_TITLES[purpose]} · 本人人脸验证
      </View>
      <FaceFrame state={phase.kind === 'passed' ? 'passed' : phase.kind === 'failed' || phase.kind === 'locked' ? 'failed' : scanning ? 'scanning' : 'idle'} />

      <View className={cx('face__prompt', phase.kind === 'failed' && 'face__prompt--bad')}>{promptOf(phase)}</View>
      {phase.kind === 'scanning' && (
        <View className='face__steps'>
          {LIVENESS_PROMPTS.map((p, i) => (
            <View key={p} className={cx('face__step', i < phase.prompt && 'face__step--done', i === phase.prompt && 'face__step--now')} />
          ))}
        </View>
      )}

      {phase.kind === 'ready' && (
        <>
          {phase.demo && !IS_WEAPP && (
            <View className='face__demo'>
              <View className='face__demo-head'>
                <Tag tone='demo'>演示</Tag>
                <View className='face__demo-title'>选择模拟的验证结果</View>
              </View>
              <ChipGroup<FaceOutcome> options={OUTCOMES} value={outcome} onChange={setOutcome} layout='wrap' />
            </View>
          )}
          <AppButton type='primary' size='large' block onClick={scan}>
            开始验证
          </AppButton>
          <View className='face__hint'>验证时请按提示依次眨眼、张嘴、缓慢转头</View>
        </>
      )}

      {phase.kind === 'failed' && (
        <>
          <Notice tone='danger'>
            {messageOf(phase.error)}
            {phase.attemptsLeft !== null && <View className='face__attempts'>还可以尝试 {phase.attemptsLeft} 次</View>}
          </Notice>
          <AppButton type='primary' size='large' block onClick={begin}>
            重新验证
          </AppButton>
        </>
      )}

      {phase.kind === 'locked' && <FaceLockNotice until={phase.until} />}

      {phase.kind === 'unsupported' && <NoFaceDevice help={phase.help} />}

      {phase.kind === 'broken' && (
        <>
          <Notice tone='danger'>{messageOf(phase.error)}</Notice>
          <AppButton type='secondary' size='large' block onClick={() => Taro.navigateBack()}>
            返回修改
          </AppButton>
          {!isApiError(phase.error) || ['NETWORK_ERROR', 'TIMEOUT', 'SERVICE_UNAVAILABLE'].includes(phase.error.code) ? (
            <View className='face__retry'>
              <AppButton type='plain' onClick={begin}>
                重试
              </AppButton>
            </View>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
