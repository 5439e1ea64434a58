import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/tag'
import { useRequest } from '@/hooks/useRequest'
import { useShowRefresh } from '@/hooks/useShowRefresh'
import { getHome } from '@/services/home'
import { ActivateCall } from './activate-call'
import { InvitationBanner } from './invitation-banner'
import { PersonCard } from './person-card'
import { ServiceGrid } from './service-grid'
import { SharingList } from './sharing-list'
import './index.scss'

/** 首页: my e-credential and balance, whom I share with, the badges, and every service. */
export default function Home() {
  const { data, loading, error, reload } = useRequest(getHome)
  useShowRefresh(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return <PageShell>{loading ? <PageState status='loading' /> : <PageState status='error' error={error} onRetry={reload} />}</PageShell>
  }

  const { person, sharing, pendingInvitations, unreadNotifications, demo } = data
  return (
    <PageShell className='home'>
      {person ? (
        <>
          {pendingInvitations > 0 && <InvitationBanner count={pendingInvitations} />}
          <PersonCard person={person} policy={data.policy} />
          <ServiceGrid isEmployee={person.insurance === 'employee'} pendingInvitations={pendingInvitations} unreadNotifications={unreadNotifications} />
          <SharingList asAuthorizer={sharing.asAuthorizer} asBeneficiary={sharing.asBeneficiary} canShare={person.insurance === 'employee'} />
        </>
      ) : (
        // before activation the person is not known, so no invitation can be shown yet (R1)
        <ActivateCall />
      )}
      {demo && (
        <View className='home__demo'>
          <Tag tone='demo'>演示</Tag> 当前为演示环境，数据均为模拟，不涉及真实医保账户。
        </View>
      )}
    </PageShell>
  )
}
