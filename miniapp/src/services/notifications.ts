import { call } from './http'

export const listNotifications = (cursor?: string) => call('notifications', { query: { cursor, limit: '20' } })

export const markNotificationsRead = (upTo: number) => call('markRead', { body: { upTo } })
