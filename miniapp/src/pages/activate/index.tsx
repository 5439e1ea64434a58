import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { normalizeIdNumber } from '@family-share/shared'
import { AppButton } from '@/components/app-button'
import { Card } from '@/components/card'
import { FormField } from '@/components/form-field'
import { Notice } from '@/components/notice'
import { Tag } from '@/components/tag'
import { PageShell } from '@/components/page-shell'
import { TextInput } from '@/components/text-input'
import { useAction } from '@/hooks/useAction'
import { useRequest } from '@/hooks/useRequest'
import { messageOf } from '@/i18n/error-messages'
import { currentDemoPerson } from '@/services/auth'
import { call, isApiError } from '@/services/http'
import { verifyFace } from '@/utils/face-handoff'
import { ROUTES } from '@/utils/nav'
import { afterSignIn } from '@/utils/pending-invite'
import { isoDate } from '@/utils/time'
import { idNumberHint, nameHint } from '@/utils/validate'
import './index.scss'
import { FOCUSABLE } from '@/utils/a11y'

/** R1: name and ID number, checked as they are typed, then the face step, then activation. */
export default function Activate() {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [touched, setTouched] = useState({ name: false, idNumber: false })
  const [faceCancelled, setFaceCancelled] = useState(false)
  // DEMO only: who this demo account is, so that nobody has to copy an 18-digit number.
  const demo = useRequest(currentDemoPerson)

  const nameProblem = nameHint(name)
  const idProblem = idNumberHint(idNumber, isoDate())
  // Live: a problem shows once the field was left, or once all 18 characters are in.
  const showName = touched.name ? nameProblem : null
  const showId = touched.idNumber || normalizeIdNumber(idNumber).length >= 18 ? idProblem : null

  const activation = useAction(async () => {
    const person = { name: name.trim(), idNumber: normalizeIdNumber(idNumber) }
    const face = await verifyFace({ purpose: 'activate', ...person })
    if (!face) {
      setFaceCancelled(true)
      return false
    }
    await call('activate', { body: { ...person, faceTicket: face.ticket } })
    Taro.showToast({ title: '激活成功', icon: 'success' })
    await Taro.reLaunch({ url: afterSignIn(ROUTES.home) })
    return true
  })

  const submit = () => {
    setTouched({ name: true, idNumber: true })
    setFaceCancelled(false)
    if (nameProblem || idProblem) return
    return activation.run()
  }

  const alreadyActive = isApiError(activation.error) && activation.error.code === 'ECREDENTIAL_ALREADY_ACTIVE'

  return (
    <PageShell className='activate'>
      <Notice tone='info'>请填写本人信息。激活时需要本人完成人脸验证，激活后才能使用家庭共济的各项服务。</Notice>
      {demo.data ? (
        <View className='activate__demo'>
          <Tag tone='demo'>演示</Tag>
          <View className='activate__demo-text'>
            演示账号「{demo.data.name}」的登记信息：{demo.data.idNumber}
          </View>
          <AppButton
            type='secondary'
            size='small'
            onClick={() => {
              setName(demo.data?.name ?? '')
              setIdNumber(demo.data?.idNumber ?? '')
            }}
          >
            填入
          </AppButton>
        </View>
      ) : null}
      <Card>
        <FormField label='姓名' error={showName}>
          <TextInput value={name} onChange={setName} onBlur={() => setTouched((t) => ({ ...t, name: true }))} placeholder='与身份证上一致' maxLength={30} invalid={Boolean(showName)} />
        </FormField>
        <FormField label='身份证号' error={showId} tip='18位，最后一位可能是X'>
          <TextInput
            value={idNumber}
            onChange={setIdNumber}
            onBlur={() => setTouched((t) => ({ ...t, idNumber: true }))}
            placeholder='请输入18位身份证号'
            type='idcard'
            maxLength={18}
            invalid={Boolean(showId)}
          />
        </FormField>
      </Card>

      {activation.error ? (
        <Notice tone='danger' title='激活没有成功'>
          {messageOf(activation.error)}
          {alreadyActive && (
            <View className='activate__link' role='link' {...FOCUSABLE} onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
              返回首页
            </View>
          )}
        </Notice>
      ) : null}
      {faceCancelled && !activation.error ? <Notice tone='warning'>人脸验证未完成，信息已保留，可以重新开始。</Notice> : null}

      <AppButton type='primary' size='large' block loading={activation.busy} onClick={submit}>
        下一步：人脸验证
      </AppButton>
      <View className='activate__privacy'>您的身份信息只用于激活医保电子凭证和核验身份。</View>
    </PageShell>
  )
}
