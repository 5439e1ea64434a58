import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { BindingView } from '@family-share/shared'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { useRequest } from '@/hooks/useRequest'
import { useShowRefresh } from '@/hooks/useShowRefresh'
import { messageOf } from '@/i18n/error-messages'
import { confusableNames } from '@/i18n/labels'
import { usablePart } from '@/i18n/policy-words'
import { usePolicy } from '@/hooks/usePolicy'
import { askToNotify } from '@/services/subscribe'
import { getHome } from '@/services/home'
import { call } from '@/services/http'
import { verifyFace } from '@/utils/face-handoff'
import { navigate, ROUTES } from '@/utils/nav'
import { AccountChoice } from './account-choice'
import { AuthorizerOrder } from './authorizer-order'
import { BindingCard } from './binding-card'
import { alert, confirm } from '@/utils/dialog'
import './index.scss'

/** The binding list has no word on my own insurance (R11 needs it), so home is asked too. */
async function load() {
  const [bindings, home] = await Promise.all([call('listBindings'), getHome()])
  return { ...bindings, myInsurance: home.person?.insurance ?? null }
}

/** Bound relatives, both directions: end a binding (R6, R7), order my authorizers (R14), choose the account (R11). */
export default function Bindings() {
  const { data, loading, error, reload } = useRequest(load)
  const [endingId, setEndingId] = useState<string | null>(null)
  const words = usePolicy()
  useShowRefresh(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const end = async (binding: BindingView) => {
    if (endingId) return
    const yes = await confirm({
      title: '解除家庭共济',
      content:
        binding.role === 'authorizer'
          ? `解除后，${binding.counterpart.maskedName}将不能再使用您的个人账户。解除需要您本人进行人脸验证。`
          : `解除后，您将不能再使用${binding.counterpart.maskedName}的个人账户。解除需要您本人进行人脸验证。`,
      confirmText: '去验证',
      cancelText: '不解除',
      tone: 'danger',
    })
    if (!yes) return
    await askToNotify('endBinding')
    setEndingId(binding.bindingId)
    try {
      const face = await verifyFace({ purpose: 'unbind', target: binding.bindingId })
      if (!face) return
      await call('endBinding', { params: { bindingId: binding.bindingId }, body: { faceTicket: face.ticket } })
      Taro.showToast({ title: '已解除', icon: 'success' })
      void reload()
    } catch (caught) {
      await alert('解除没有成功', messageOf(caught))
    } finally {
      setEndingId(null)
    }
  }

  if (!data) {
    return <PageShell>{loading ? <PageState status='loading' /> : <PageState status='error' error={error} onRetry={reload} />}</PageShell>
  }

  const mine = data.asAuthorizer.filter((b) => b.status === 'active')
  const theirs = data.asBeneficiary.filter((b) => b.status === 'active').sort((x, y) => (x.rank ?? 99) - (y.rank ?? 99))
  const ended = [...data.asAuthorizer, ...data.asBeneficiary].filter((b) => b.status === 'ended').sort((x, y) => (y.endedAt ?? 0) - (x.endedAt ?? 0))
  const isEmployee = data.myInsurance === 'employee'
  const confusable = confusableNames([...data.asAuthorizer, ...data.asBeneficiary].map((b) => b.counterpart))
  const twin = (b: BindingView) => confusable.has(b.counterpart.maskedName)

  if (mine.length === 0 && theirs.length === 0 && ended.length === 0) {
    return (
      <PageShell>
        <PageState
          status='empty'
          title='还没有家庭共济关系'
          description={isEmployee ? `添加家人后，家人看病买药可以使用您职工医保个人账户中${usablePart(words)}。` : '家人把个人账户共享给您后，会显示在这里。'}
          action={isEmployee ? { text: '添加家人', onClick: () => navigate(ROUTES.addRelative) } : undefined}
        />
      </PageShell>
    )
  }

  return (
    <PageShell className='bindings'>
      {isEmployee && (
        <>
          <View className='section-title'>我共享给的家人（{mine.length}）</View>
          {mine.length === 0 ? (
            <View className='bindings__none'>暂未共享给家人。</View>
          ) : (
            mine.map((b) => <BindingCard key={b.bindingId} binding={b} confusable={twin(b)} ending={endingId === b.bindingId} onEnd={() => end(b)} />)
          )}
        </>
      )}

      <View className='section-title'>共享给我的家人（{theirs.length}）</View>
      {theirs.length === 0 ? (
        <View className='bindings__none'>暂时没有家人把个人账户共享给您。</View>
      ) : (
        theirs.map((b) => <BindingCard key={b.bindingId} binding={b} confusable={twin(b)} showRank={data.policy.maxAuthorizersPerBeneficiary > 1} ending={endingId === b.bindingId} onEnd={() => end(b)} />)
      )}

      {data.policy.maxAuthorizersPerBeneficiary > 1 && theirs.length > 1 && <AuthorizerOrder authorizers={theirs} onSaved={reload} />}

      {isEmployee && theirs.length > 0 && <AccountChoice value={data.accountChoice} onSaved={reload} />}

      {ended.length > 0 && (
        <>
          <View className='section-title'>已解除的关系</View>
          {ended.map((b) => (
            <BindingCard key={b.bindingId} binding={b} confusable={twin(b)} ending={false} />
          ))}
        </>
      )}
    </PageShell>
  )
}
