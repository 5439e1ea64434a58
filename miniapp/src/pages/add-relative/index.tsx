import { useState } from 'react'
import { View } from '@tarojs/components'
import { ageOn, normalizeIdNumber, parseIdNumber, RELATIONS, type Relation } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { ChipGroup } from '@/components/chip-group'
import { FormField } from '@/components/form-field'
import { Notice } from '@/components/notice'
import { PageShell } from '@/components/page-shell'
import { PageState } from '@/components/page-state'
import { TextInput } from '@/components/text-input'
import { useAction } from '@/hooks/useAction'
import { useRequest } from '@/hooks/useRequest'
import { useShowRefresh } from '@/hooks/useShowRefresh'
import { messageOf } from '@/i18n/error-messages'
import { withinTtl } from '@/i18n/policy-words'
import { usePolicy } from '@/hooks/usePolicy'
import { RELATION_LABELS } from '@/i18n/labels'
import { call, isApiError } from '@/services/http'
import { askToNotify } from '@/services/subscribe'
import { verifyFace } from '@/utils/face-handoff'
import { navigate, ROUTES } from '@/utils/nav'
import { isoDate } from '@/utils/time'
import { idNumberHint, nameHint } from '@/utils/validate'
import { Done, type Outcome } from './done'
import { fieldOf, type FormFieldName } from './refusal'
import { Steps } from './steps'
import { useInvitationShare } from './use-invitation-share'
import './index.scss'

/** R3: only the relations the region allows; all close relatives until the policy has arrived (the BFF decides anyway). */
const relationOptions = (allowed: readonly Relation[] | undefined) =>
  RELATIONS.filter((value) => !allowed || allowed.includes(value)).map((value) => ({ value, label: RELATION_LABELS[value] }))


/**
 * Add a relative: relation, name and ID number → (R9 commitment) → face (bind) → invitation.
 * A child under 16 of mine switches to the guardian flow (R18): face → bound at once.
 */
export default function AddRelative() {
  const commitment = useRequest(() => call('commitment'))
  useShowRefresh(commitment.reload)
  const [relation, setRelation] = useState<Relation | null>(null)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [tried, setTried] = useState(false)
  const [faceCancelled, setFaceCancelled] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  /** The server's refusal stays on the form, beside its field, until that field is changed. */
  const [refusal, setRefusal] = useState<{ error: unknown; field: FormFieldName | null } | null>(null)
  const share = useInvitationShare(outcome?.kind === 'invited' ? outcome.invitation : null)
  const words = usePolicy()
  /** Under this age on the binding day only a parent binds, as guardian (R18): the policy's age; the BFF decides anyway. */
  const minorAge = words?.minorAgeYears ?? 0

  const today = isoDate()
  const id = normalizeIdNumber(idNumber)
  const parsed = parseIdNumber(id, today)
  const age = parsed.ok ? ageOn(parsed.birthDate, today) : null
  const isMinor = age !== null && age < minorAge
  const minorFlow = isMinor && relation === 'child'

  const relationProblem = relation === null ? '请选择这位家人是您的什么人' : isMinor && relation !== 'child' ? `未满${minorAge}周岁的家人只能由父母绑定。如果这是您的子女，请选择“子女”。` : null
  const nameProblem = nameHint(name)
  const idProblem = idNumberHint(id, today)
  const refused = (field: FormFieldName) => (refusal?.field === field ? messageOf(refusal.error) : null)
  const show = {
    relation: (tried || (isMinor && relation !== null) ? relationProblem : null) ?? refused('relation'),
    name: (tried ? nameProblem : null) ?? refused('name'),
    idNumber: (tried || id.length >= 18 ? idProblem : null) ?? refused('idNumber'),
  }
  const edited = (field: FormFieldName) => {
    if (refusal?.field === field) setRefusal(null)
  }

  const send = useAction(async (version: string) => {
    // Asked at the tap itself: WeChat shows the subscription prompt only in a tap's handler.
    await askToNotify(minorFlow ? 'bindChild' : 'invite')
    const person = { name: name.trim(), idNumber: id }
    try {
      // Every rule the server can check without a face scan, before the scan (issue 12).
      await call('checkInvitation', { body: { ...person, relation: relation as Relation } })
      const face = await verifyFace({ purpose: 'bind', target: id })
      if (!face) {
        setFaceCancelled(true)
        return
      }
      if (minorFlow) {
        const binding = await call('bindMinor', { body: { childName: person.name, childIdNumber: person.idNumber, faceTicket: face.ticket, commitmentVersion: version } })
        setOutcome({ kind: 'bound', binding })
      } else {
        const invitation = await call('createInvitation', { body: { ...person, relation: relation as Relation, faceTicket: face.ticket, commitmentVersion: version } })
        setOutcome({ kind: 'invited', invitation })
      }
    } catch (error) {
      setRefusal({ error, field: fieldOf(error) })
      throw error
    }
  })

  const accepted = commitment.data?.acceptedAt != null
  const submit = () => {
    setTried(true)
    setFaceCancelled(false)
    setRefusal(null)
    if (relationProblem || nameProblem || idProblem || !commitment.data) return
    if (!accepted) {
      navigate(ROUTES.commitment)
      return
    }
    return send.run(commitment.data.version)
  }

  if (outcome) {
    return (
      <PageShell>
        <Done outcome={outcome} share={share} />
      </PageShell>
    )
  }
  if (!commitment.data) {
    return (
      <PageShell>
        {commitment.loading ? <PageState status='loading' /> : <PageState status='error' error={commitment.error} onRetry={commitment.reload} />}
      </PageShell>
    )
  }

  // A refusal shown beside its field is not repeated below the form.
  const sendError = refusal && refusal.field === null ? refusal.error : null
  const commitmentOutdated = isApiError(sendError) && sendError.code === 'COMMITMENT_REQUIRED'
  return (
    <PageShell className='add-relative'>
      <Steps minor={minorFlow} committed={accepted} />
      {!accepted && (
        <Card tone='warning' className='add-relative__commit'>
          <View className='add-relative__commit-text'>按规定，添加家人前需先阅读并签署《个人账户家庭共享承诺书》。</View>
          <AppButton type='secondary' size='small' onClick={() => navigate(ROUTES.commitment)}>
            阅读并签署
          </AppButton>
        </Card>
      )}

      <Card>
        <FormField label='这位家人是您的' error={show.relation}>
          <ChipGroup<Relation>
            options={relationOptions(words?.relations)}
            value={relation}
            onChange={(value) => {
              edited('relation')
              setRelation(value)
            }}
            layout='grid'
          />
        </FormField>
        <FormField label='家人姓名' error={show.name}>
          <TextInput
            value={name}
            onChange={(value) => {
              edited('name')
              setName(value)
            }}
            placeholder='与身份证上一致'
            maxLength={30}
            invalid={Boolean(show.name)}
          />
        </FormField>
        <FormField label='家人身份证号' error={show.idNumber} tip={age !== null ? `根据身份证号，这位家人${age}周岁` : '18位，最后一位可能是X'}>
          <TextInput
            value={idNumber}
            onChange={(value) => {
              edited('idNumber')
              setIdNumber(value)
            }}
            placeholder='请输入18位身份证号'
            type='idcard'
            maxLength={18}
            invalid={Boolean(show.idNumber)}
          />
        </FormField>
      </Card>

      {minorFlow ? (
        <Notice tone='info' title={`孩子未满${minorAge}周岁，将按监护人方式办理`}>
          未成年人不能自己进行人脸验证和接受邀请。将由您作为父母，以监护人身份为孩子激活医保电子凭证（亲情账户），绑定后立即生效，无需孩子确认。
        </Notice>
      ) : (
        <Notice tone='info'>发送邀请后，家人需在{withinTtl(words)}用自己的微信登录并接受，接受后立即生效。</Notice>
      )}

      {sendError ? (
        <Notice tone='danger' title={minorFlow ? '绑定没有成功' : '邀请没有发出'}>
          {messageOf(sendError)}
          {commitmentOutdated && (
            <View className='add-relative__link' onClick={() => navigate(ROUTES.commitment)}>
              重新阅读并签署承诺书
            </View>
          )}
        </Notice>
      ) : null}
      {faceCancelled && !refusal ? <Notice tone='warning'>人脸验证未完成，已填写的信息已保留。</Notice> : null}

      <AppButton type='primary' size='large' block loading={send.busy} onClick={submit}>
        {!accepted ? '先签署承诺书' : minorFlow ? '人脸验证并绑定' : '下一步：人脸验证'}
      </AppButton>
    </PageShell>
  )
}
