import { useEffect, useState } from 'react'
import { ScrollView, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { CheckRow } from '@/components/check-row'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { useAction } from '@/hooks/useAction'
import { useRequest } from '@/hooks/useRequest'
import { call } from '@/services/http'
import { messageOf } from '@/i18n/error-messages'
import { goBack } from '@/utils/nav'
import { formatDateTime } from '@/utils/time'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

/** Focusable, so that the letter can be scrolled and read from a keyboard or a screen reader too. */
const LETTER_REGION: Record<string, unknown> = { ...FOCUSABLE, role: 'region', 'aria-label': '承诺书全文' }

/** How close to the end counts as "read to the end" (px). */
const END_THRESHOLD = 48

/**
 * R9: the commitment letter (附件2). The accept box stays disabled until the letter was
 * scrolled to its end; a letter short enough to fit on screen counts as read at once.
 */
export default function Commitment() {
  const { data, loading, error, reload } = useRequest(() => call('commitment'))
  const [readToEnd, setReadToEnd] = useState(false)
  const [agreed, setAgreed] = useState(false)
  const accept = useAction(async (version: string) => {
    await call('acceptCommitment', { body: { version } })
    Taro.showToast({ title: '已签署', icon: 'success' })
    setTimeout(goBack, 600)
  })

  useEffect(() => {
    if (!data) return
    // Measured after layout; jsdom and hidden pages measure 0 and are left to the scroll event.
    const timer = setTimeout(() => {
      Taro.createSelectorQuery()
        .select('.letter__scroll')
        .boundingClientRect()
        .select('.letter__content')
        .boundingClientRect()
        .exec((rects: Array<{ height: number } | null>) => {
          const [box, content] = rects
          if (box && content && content.height > 0 && content.height <= box.height + END_THRESHOLD) setReadToEnd(true)
        })
    }, 300)
    return () => clearTimeout(timer)
  }, [data])

  if (!data) {
    return <PageShell>{loading ? <PageState status='loading' /> : <PageState status='error' error={error} onRetry={reload} />}</PageShell>
  }

  return (
    <PageShell className='commitment'>
      {data.acceptedAt ? (
        <Notice tone='success'>您已于 {formatDateTime(data.acceptedAt)} 签署本承诺书，可以直接添加家人。</Notice>
      ) : (
        <Notice tone='info'>添加家人共享个人账户前，请完整阅读并签署以下承诺书。</Notice>
      )}
      <View className='letter'>
        <ScrollView className='letter__scroll' {...LETTER_REGION} scrollY lowerThreshold={END_THRESHOLD} onScrollToLower={() => setReadToEnd(true)}>
          <View className='letter__content'>
            <View className='letter__title'>{data.title}</View>
            {data.paragraphs.map((paragraph, index) => (
              <View key={index} className='letter__para'>
                {paragraph}
              </View>
            ))}
            <View className='letter__note'>{data.reserveNote}</View>
            <View className='letter__end'>— 承诺书全文完 —</View>
          </View>
        </ScrollView>
        {!readToEnd && <View className='letter__more'>请向上滑动，阅读至末尾</View>}
      </View>

      {data.acceptedAt ? (
        <AppButton type='primary' size='large' block onClick={goBack}>
          返回
        </AppButton>
      ) : (
        <>
          <View className='commitment__check'>
            <CheckRow checked={agreed} disabled={!readToEnd} onChange={setAgreed} onDisabledTap={() => Taro.showToast({ title: '请先阅读至末尾', icon: 'none' })}>
              我已阅读并同意以上承诺
            </CheckRow>
          </View>
          {accept.error ? <Notice tone='danger'>{messageOf(accept.error)}</Notice> : null}
          <AppButton type='primary' size='large' block disabled={!agreed} loading={accept.busy} onClick={() => accept.run(data.version)}>
            签署承诺书
          </AppButton>
        </>
      )}
    </PageShell>
  )
}
