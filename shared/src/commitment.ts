import { formatYuanPlain } from './money';
import type { CommitmentLetter, Policy } from './policy';

/**
 * R9: Tibet's commitment letter (藏医保办〔2022〕11号 附件2), the `commitment` of TIBET_2022 and
 * NGARI_2025. Its id and version are what stored acceptances name: the version string is the
 * one acceptances were recorded with before letters became policy data, so they stay valid.
 */
export const TIBET_2022_LETTER: CommitmentLetter = Object.freeze({
  id: 'tibet-2022-11-annex2',
  version: 'tibet-2022-11-annex2-v1',
  title: '职工基本医疗保险个人账户近亲属共享承诺书',
  paragraphs: Object.freeze([
    '本人为西藏自治区城镇职工基本医疗保险参保人员，按照自治区人民政府办公厅印发《〈关于建立职工基本医疗保险门诊共济保障机制的实施办法〉的通知》（藏政办发〔2021〕36号）规定，建立职工医保个人账户家庭共享机制。现自愿申请在本人与本人近亲属之间建立“医保个人账户共享关系”。本人同意确立上述关系，并作如下承诺：',
    '一、本人已知晓西藏自治区职工基本医疗保险个人账户家庭共享相关要求，自愿使用本人职工医保个人账户资金为本人近亲属支付符合医保政策规定的由个人负担的医药费用、缴纳城乡居民基本医疗保险费。',
    '二、职工基本医疗保险参保人员可与参加我区基本医疗保险的配偶、父母、子女等近亲属建立医保个人账户共享关系。家庭共享关系绑定是单向的，同一时限内只能被绑定1次，即授权人绑定家庭成员后，授权人不能被其建立家庭共享关系的家庭成员绑定，家庭成员也不能被其他参保人绑定。家庭成员（职工医保参保人员）被绑定后可作为授权人共享其医保个人账户。家庭共享关系解除后，原授权人及已解除家庭共享关系的家庭成员，可以被其他授权人绑定。',
    '三、授权人不再参加职工基本医疗保险的，家庭共享关系自动解除。',
    '四、职工基本医疗保险参保人员在绑定近亲属、解绑近亲属时，均需通过人脸验证确认是否属本人操作。【仅限网上办理】',
    '五、家庭共享授权绑定成功后，即时生效。',
    '六、若授权人的家庭成员为职工医保参保人员，刷卡（码）时默认优先使用职工本人医保个人账户，余额充裕时，可自行选择使用本人或授权人医保个人账户。当家庭成员没有医保个人账户、医保个人账户余额不足或者为零时，在存在绑定关系的前提下，可以消费授权人医保个人账户。当授权人医保个人账户余额不足3000元（含）时，不能使用授权人医保个人账户消费。',
    '七、仅有职工医保个人账户可以家庭成员共享使用，建立家庭共享关系的家庭成员不能享受授权人的各类医保待遇。授权人不得使用与其建立家庭共享关系的家庭成员医保个人账户。',
    '八、本人确认在“医保个人账户共享关系”中提供的近亲属信息真实、准确、完整、有效。因信息提供不实或填报错误等，以及被授权人违规使用医保个人账户，带来资金损失、违法违规等责任，由本人承担，同时承担因虚假承诺导致的其他责任。',
  ]),
});

/**
 * How this product applies paragraph 六's reserve line (R13 DECISION), shown under the letter so
 * that nobody is surprised at the counter. Worded from the region's policy: a literal '3000元'
 * here told every other region's authorizers the wrong floor.
 */
export function commitmentReserveNote(policy: Pick<Policy, 'reserveFloor' | 'reserveMode'>): string {
  const floor = `${formatYuanPlain(policy.reserveFloor).replace(/\.00$/, '')}元`;
  return policy.reserveMode === 'floor'
    ? `说明：家庭成员使用您的个人账户时，您的账户余额最低保留${floor}，低于${floor}的部分不会被家庭成员使用。`
    : `说明：您的账户余额高于${floor}时，家庭成员可以使用；余额不高于${floor}时，家庭成员不能使用。`;
}
