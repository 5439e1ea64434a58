import { View } from '@tarojs/components'
import type { BindingView } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { RelativeHead } from '@/components/relative-head'
import { confusableNames, insuranceLabel, relationToMe, relativeWord } from '@/i18n/labels'
import { navigate, ROUTES } from '@/utils/nav'
import { FOCUSABLE } from '@/utils/a11y'

interface SharingListProps {
  asAuthorizer: BindingView[]
  asBeneficiary: BindingView[]
  canShare: boolean
}

function Row({ binding, confusable }: { binding: BindingView; confusable: boolean }) {
  return (
    <View className='sharing-row' role='link' {...FOCUSABLE} onClick={() => navigate(ROUTES.bindings)}>
      <RelativeHead
        maskedName={binding.counterpart.maskedName}
        maskedIdNumber={binding.counterpart.maskedIdNumber}
        relation={relativeWord(relationToMe(binding.relation, binding.role), binding.counterpart.maskedIdNumber)}
        showLastFour={confusable}
        sub={binding.role === 'authorizer' ? insuranceLabel(binding.counterpartInsurance) : '把个人账户共享给我'}
        aside={<View className='sharing-row__arrow' />}
      />
    </View>
  )
}

/** Whom I share with, and who shares with me. */
export function SharingList({ asAuthorizer, asBeneficiary, canShare }: SharingListProps) {
  const twins = confusableNames([...asAuthorizer, ...asBeneficiary].map((b) => b.counterpart))
  return (
    <>
      {canShare && (
        <Card title='我共享给的家人' extra={`${asAuthorizer.length}人`}>
          {asAuthorizer.length > 0 ? (
            asAuthorizer.map((b) => <Row key={b.bindingId} binding={b} confusable={twins.has(b.counterpart.maskedName)} />)
          ) : (
            <View className='sharing-empty'>
              <View className='sharing-empty__text'>还没有与家人共享个人账户。添加后，家人看病买药可以使用您的个人账户。</View>
              <AppButton type='secondary' size='small' onClick={() => navigate(ROUTES.addRelative)}>
                添加家人
              </AppButton>
            </View>
          )}
        </Card>
      )}
      <Card title='共享给我的家人' extra={`${asBeneficiary.length}人`}>
        {asBeneficiary.length > 0 ? (
          asBeneficiary.map((b) => <Row key={b.bindingId} binding={b} confusable={twins.has(b.counterpart.maskedName)} />)
        ) : (
          <View className='sharing-empty__text'>暂时没有家人把个人账户共享给您。</View>
        )}
      </Card>
    </>
  )
}
