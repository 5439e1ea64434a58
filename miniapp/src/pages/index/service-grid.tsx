import { View } from '@tarojs/components'
import { Badge } from '@/components/badge'
import { navigate, ROUTES } from '@/utils/nav'
import { FOCUSABLE } from '@/utils/a11y'

interface ServiceGridProps {
  isEmployee: boolean
  pendingInvitations: number
  unreadNotifications: number
}

interface Entry {
  key: string
  label: string
  mark: string
  url: string
  badge?: number
  /** only an employee-insured person has an account to share or pay from */
  employeeOnly?: boolean
}

export function ServiceGrid({ isEmployee, pendingInvitations, unreadNotifications }: ServiceGridProps) {
  const entries: Entry[] = [
    { key: 'add', label: '添加家人', mark: '添', url: ROUTES.addRelative, employeeOnly: true },
    { key: 'invitations', label: '我的邀请', mark: '邀', url: `${ROUTES.invitations}?box=received`, badge: pendingInvitations },
    { key: 'bindings', label: '共济关系', mark: '亲', url: ROUTES.bindings },
    { key: 'premiums', label: '代缴保费', mark: '缴', url: ROUTES.premiums, employeeOnly: true },
    { key: 'history', label: '扣款明细', mark: '明', url: ROUTES.history },
    { key: 'estimate', label: '付款预估', mark: '估', url: ROUTES.paymentEstimate },
    { key: 'notifications', label: '消息通知', mark: '信', url: ROUTES.notifications, badge: unreadNotifications },
    { key: 'claims', label: '报销进度', mark: '报', url: ROUTES.claims },
    { key: 'settings', label: '设置', mark: '设', url: ROUTES.settings },
  ]
  return (
    <View className='service-grid'>
      {entries
        .filter((entry) => isEmployee || !entry.employeeOnly)
        .map((entry) => (
          <View key={entry.key} className={`service-grid__item service-grid__item--${entry.key}`} hoverClass='service-grid__item--hover' role='link' {...FOCUSABLE} onClick={() => navigate(entry.url)}>
            <View className='service-grid__mark'>
              {entry.mark}
              {entry.badge ? <Badge className='service-grid__badge' count={entry.badge} /> : null}
            </View>
            <View className='service-grid__label'>{entry.label}</View>
          </View>
        ))}
    </View>
  )
}
