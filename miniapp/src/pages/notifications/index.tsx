import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { NotificationView } from '@family-share/shared'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { useCursorList } from '@/hooks/useCursorList'
import { messageOf } from '@/i18n/error-messages'
import { describeNotification } from '@/i18n/notifications'
import { usePolicy } from '@/hooks/usePolicy'
import { call } from '@/services/http'
import { navigate, ROUTES } from '@/utils/nav'
import { cx } from '@/utils/cx'
import { formatDateTime } from '@/utils/time'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

const LINKS = {
  invitations: ROUTES.invitations,
  bindings: ROUTES.bindings,
  history: ROUTES.history,
  premiums: ROUTES.premiums,
} as const

/** R20: the inbox. Opening it marks everything up to the newest item read. */
/** One page of the feed; the list keeps this function's identity to tell its pages apart. */
const notificationsPage = (cursor?: string) => call('notifications', { query: { cursor, limit: '20' } })

export default function Notifications() {
  const list = useCursorList<NotificationView>(notificationsPage)
  const marked = useRef(0)
  const policy = usePolicy()
  useReachBottom(() => {
    void list.loadMore()
  })

  const newest = list.items[0]?.at ?? 0
  useEffect(() => {
    if (newest > marked.current && list.items.some((n) => !n.read)) {
      marked.current = newest
      // Best effort: an unread badge that stays a little longer is no harm.
      call('markRead', { body: { upTo: newest } }).catch(() => undefined)
    }
  }, [newest, list.items])

  if (list.loading && list.items.length === 0) {
    return (
      <PageShell>
        <PageState status='loading' />
      </PageShell>
    )
  }
  if (list.error) {
    return (
      <PageShell>
        <PageState status='error' error={list.error} onRetry={list.reload} />
      </PageShell>
    )
  }
  if (list.items.length === 0) {
    return (
      <PageShell>
        <PageState status='empty' title='暂无消息' description='邀请、绑定变化和每一笔扣款，都会在这里通知您。' />
      </PageShell>
    )
  }

  return (
    <PageShell className='notifications'>
      {list.items.map((n) => {
        const words = describeNotification(n, policy)
        const link = words.link
        return (
          <View key={n.id} className={cx('note', !n.read && 'note--unread')} role={link ? 'link' : undefined} {...(link ? FOCUSABLE : {})} onClick={() => link && navigate(LINKS[link])}>
            <View className='note__head'>
              <View className='note__title'>
                {!n.read && <View className='note__dot' />}
                {words.title}
              </View>
              <View className='note__time'>{formatDateTime(n.at)}</View>
            </View>
            <View className='note__body'>{words.body}</View>
            {link && <View className='note__more'>查看详情</View>}
          </View>
        )
      })}
      <View className='notifications__footer' role='button' {...FOCUSABLE} onClick={() => (list.hasMore && !list.loadingMore ? void list.loadMore() : undefined)}>
        {list.loadingMore ? '正在加载…' : list.moreError ? `${messageOf(list.moreError)} 点击重试` : list.hasMore ? '上拉或点击加载更多' : '没有更多了'}
      </View>
    </PageShell>
  )
}
