import { View } from '@tarojs/components'
import { CLAIM_MATERIALS, CLAIM_NOTES, CLAIM_STEPS, formatYuan, type ResponseOf } from '@family-share/shared'
import { Card } from '@/components/card'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/tag'
import { useRequest } from '@/hooks/useRequest'
import { cx } from '@/utils/cx'
import { formatDate } from '@/utils/time'
import './index.scss'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/app-button'
import { usePolicy } from '@/hooks/usePolicy'
import { call } from '@/services/http'

type Claim = ResponseOf<'claims'>['items'][number]

function ClaimCard({ claim }: { claim: Claim }) {
  const at = new Map(claim.steps.map((s) => [s.key, s.at]))
  const currentIndex = CLAIM_STEPS.findIndex((s) => s.key === claim.currentStep)
  const finished = claim.currentStep === 'done'
  return (
    <View className='claim'>
      <View className='claim__head'>
        <View>
          <View className='claim__name'>{claim.institutionName}</View>
          <View className='claim__sub'>
            {formatDate(claim.filedAt)}申请 · 申请金额 {formatYuan(claim.amount)}
          </View>
        </View>
        {finished ? <Tag tone='success'>已办结</Tag> : claim.overdue ? <Tag tone='danger'>已超时</Tag> : <Tag tone='brand'>办理中</Tag>}
      </View>

      <View className='claim__steps'>
        {CLAIM_STEPS.map((step, index) => {
          const date = at.get(step.key) ?? null
          const state = index < currentIndex || (finished && index === currentIndex) ? 'done' : index === currentIndex ? 'now' : 'todo'
          return (
            <View key={step.key} className={cx('claim-step', `claim-step--${state}`)}>
              <View className='claim-step__dot' />
              <View className='claim-step__label'>{step.label}</View>
              <View className='claim-step__date'>{date ? formatDate(date).replace(/^\d+年/, '') : state === 'now' ? '进行中' : ''}</View>
            </View>
          )
        })}
      </View>

      <View className={cx('claim__deadline', claim.overdue && !finished && 'claim__deadline--over')}>
        {finished
          ? `办理时限：${claim.deadline}（30个工作日内）`
          : claim.overdue
            ? `已超过办理时限（${claim.deadline}），可持申请材料到医保经办窗口咨询。`
            : `预计办结时限：${claim.deadline} 前（受理后30个工作日内）`}
      </View>
    </View>
  )
}

/** Manual outpatient reimbursement (000 一): filed at the window, followed here. */
export default function Claims() {
  const { data, loading, error, reload } = useRequest(() => call('claims'))
  const words = usePolicy()

  if (!data) {
    return <PageShell>{loading ? <PageState status='loading' /> : <PageState status='error' error={error} onRetry={reload} />}</PageShell>
  }
  const materials = data.materials.length > 0 ? data.materials : CLAIM_MATERIALS
  const notes = data.notes.length > 0 ? data.notes : CLAIM_NOTES

  return (
    <PageShell className='claims'>
      {data.items.length === 0 ? (
        <PageState status='empty' title='暂无报销申请' description='门诊费用手工报销需要本人携带材料到医保经办窗口办理，受理后可在这里查看进度。' />
      ) : (
        data.items.map((claim) => <ClaimCard key={claim.claimId} claim={claim} />)
      )}

      <Card title='需要准备的材料'>
        {materials.map((m, i) => (
          <View key={m} className='claims__item'>
            <View className='claims__no'>{i + 1}</View>
            <View>{m}</View>
          </View>
        ))}
      </Card>
      <Card title='注意事项'>
        {notes.map((n) => (
          <View key={n} className='claims__note'>
            {n}
          </View>
        ))}
        <View className='claims__note'>手工报销只能到经办窗口申请，网上仅可查询办理进度。</View>
      </Card>
      {words && (
        <AppButton type='secondary' block onClick={() => Taro.makePhoneCall({ phoneNumber: words.hotline }).catch(() => undefined)}>
          有疑问，拨打医保服务热线 {words.hotline}
        </AppButton>
      )}
    </PageShell>
  )
}
