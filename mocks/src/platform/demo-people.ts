import { composeIdNumber, PsnNoSchema, type Relation } from '@family-share/shared';
import type { PlatformDeps } from './deps';
import { advanceClaim, fileClaim } from './use-cases/claims';
import { createBinding } from './use-cases/create-binding';

export interface DemoPersonSeed {
  key: string;
  name: string;
  idNumber: string;
  insurance: 'employee' | 'resident' | null;
  region: string;
  status: 'active' | 'suspended' | 'terminated';
  balance: number;
  eCredentialActive: boolean;
  /** Every demo person has a WeChat account; it is linked to the e-credential once active. */
  openid: string;
  guardians: string[];
  /** What this person shows of the rules (README, demo picker). */
  shows: string;
}

const LHASA = '540102'; // 拉萨市城关区
const SHIGATSE = '540202'; // 日喀则市桑珠孜区
const NGARI = '542525'; // 阿里地区噶尔县
const CHENGDU = '510107'; // 四川省成都市武侯区

function person(
  key: string,
  name: string,
  region: string,
  born: string,
  seq: number,
  facts: Partial<Omit<DemoPersonSeed, 'key' | 'name' | 'idNumber' | 'region' | 'openid' | 'shows'>> & { shows: string },
): DemoPersonSeed {
  return {
    key,
    name,
    idNumber: composeIdNumber(region, born, seq),
    insurance: 'employee',
    region,
    status: 'active',
    balance: 0,
    eCredentialActive: true,
    openid: `o_demo_${key}`,
    guardians: [],
    ...facts,
  };
}

const zhaxi = person('zhaxi', '扎西', LHASA, '1985-03-12', 131, {
  balance: 800_000,
  eCredentialActive: false,
  shows: '职工医保，余额8000元，凭证未激活：激活凭证、邀请母亲卓玛、以监护人身份绑定女儿央金并代缴居民医保费',
});

export const DEMO_PEOPLE: readonly DemoPersonSeed[] = [
  zhaxi,
  person('zhuoma', '卓玛', LHASA, '1958-07-20', 242, {
    insurance: 'resident',
    eCredentialActive: false,
    shows: '扎西的母亲，居民医保，凭证未激活：在自己手机上激活并接受邀请；居民由授权人账户直接支付（R12）',
  }),
  person('ciren', '次仁', LHASA, '1983-11-02', 153, {
    balance: 650_000,
    shows: '职工医保，余额6500元：卓玛已被扎西绑定后再邀请她，被R4拒绝（同一时间只能被绑定一次）',
  }),
  person('yangjin', '央金', LHASA, '2018-09-01', 264, {
    insurance: 'resident',
    eCredentialActive: false,
    guardians: [zhaxi.idNumber],
    shows: '扎西的女儿，8岁，居民医保：只能由父母以监护人身份激活并绑定，无需本人接受（R18）',
  }),
  person('pingcuo', '平措', LHASA, '1979-05-05', 175, {
    balance: 300_000,
    shows: '职工医保，余额正好3000.00元：家庭成员可用金额为0（R13保底）',
  }),
  person('gesang', '格桑', LHASA, '1990-12-24', 197, {
    balance: 280_000,
    shows: '职工医保，余额2800元（低于3000元）：可以绑定，但家人无法使用其账户',
  }),
  person('wangqiang', '王强', CHENGDU, '1987-02-14', 219, {
    balance: 500_000,
    shows: '在四川参保的职工：不能作为授权人（R2），也不能被西藏职工绑定',
  }),
  person('limei', '李梅', LHASA, '1992-06-30', 228, {
    insurance: null,
    eCredentialActive: false,
    shows: '未参保：不能被绑定（R2 BENEFICIARY_NOT_INSURED）',
  }),
  person('dawa', '达瓦', LHASA, '1976-08-08', 239, {
    status: 'suspended',
    balance: 900_000,
    shows: '职工医保，账户暂停：不能发起绑定（AUTHORIZER_ACCOUNT_ABNORMAL）',
  }),
  person('laba', '拉巴', SHIGATSE, '1968-04-18', 251, {
    balance: 1_200_000,
    shows: '链式家庭：拉巴 → 边巴（已绑定），余额12000元',
  }),
  person('bianba', '边巴', SHIGATSE, '1993-10-10', 273, {
    balance: 50_000,
    shows: '链式家庭：拉巴的孩子、德吉的授权人；职工医保余额500元：结算时先用本人账户（R11），链条不跨两级（R5）',
  }),
  person('deji', '德吉', SHIGATSE, '1994-01-26', 282, {
    insurance: 'resident',
    shows: '链式家庭：边巴的配偶，居民医保，由边巴账户支付，绝不会动用拉巴的账户（R5）',
  }),
  person('duoji', '多吉', NGARI, '1981-07-07', 293, {
    balance: 450_000,
    shows: '阿里地区职工，已绑定索朗；在阿里2025政策下可与尼玛同时为索朗授权（R14）',
  }),
  person('nima', '尼玛', NGARI, '1984-09-19', 315, {
    balance: 700_000,
    shows: '阿里地区职工：阿里2025政策下可作为索朗的第二授权人，按索朗设定的顺序扣款（R14）',
  }),
  person('suolang', '索朗', NGARI, '1960-02-02', 326, {
    insurance: 'resident',
    shows: '阿里地区居民医保，已被多吉绑定',
  }),
];

export const DEMO_BINDINGS: ReadonlyArray<{ authorizer: string; beneficiary: string; relation: Relation }> = [
  { authorizer: 'laba', beneficiary: 'bianba', relation: 'child' },
  { authorizer: 'bianba', beneficiary: 'deji', relation: 'spouse' },
  { authorizer: 'duoji', beneficiary: 'suolang', relation: 'parent' },
];

/** R15: the resident premium per person and year. DEMO values: Tibet's 2026 figure is unconfirmed. */
export const DEMO_PREMIUMS: Readonly<Record<number, number>> = { 2025: 38_000, 2026: 40_000, 2027: 42_000 };

export function demoPerson(key: string): DemoPersonSeed {
  const found = DEMO_PEOPLE.find((p) => p.key === key);
  if (!found) throw new Error(`no demo person ${key}`);
  return found;
}

/**
 * Writes the demo people, their bindings (through the binding rules, so the data is
 * consistent with them) and the premium table. Skipped when the registry already has people
 * (the embedded Redis keeps its data across restarts); `force` writes again.
 */
export async function seedDemo(deps: PlatformDeps, { force = false } = {}): Promise<boolean> {
  const { store } = deps;
  const registry = await store.registry();
  // Data written before person numbers (issue 9 item 5) is keyed by ID numbers: say so rather
  // than serve a demo whose people cannot be found.
  if (registry.some((member) => !PsnNoSchema.safeParse(member).success)) {
    throw new Error('This Redis holds data keyed by ID numbers, from before person numbers: start with an empty Redis (delete .run/redis for npm start).');
  }
  if (!force && registry.length > 0) return false;
  const now = deps.clock();
  // Person numbers first (the index keeps an existing person's number: a forced re-seed or a
  // restart changes nobody's), so that guardians can be named by theirs.
  const psn = new Map<string, string>();
  for (const p of DEMO_PEOPLE) psn.set(p.idNumber, await store.assignPsnNo(p.idNumber));
  const psnOf = (idNumber: string) => psn.get(idNumber) ?? '';
  for (const p of DEMO_PEOPLE) {
    await store.savePerson({
      psnNo: psnOf(p.idNumber),
      idNumber: p.idNumber,
      name: p.name,
      insurance: p.insurance,
      region: p.region,
      status: p.status,
      birthDate: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
      balance: p.insurance === 'employee' ? p.balance : 0,
      eCredential: {
        active: p.eCredentialActive,
        activatedAt: p.eCredentialActive ? now : null,
        mode: p.eCredentialActive ? 'self' : null,
        guardianId: null,
      },
      guardians: p.guardians.map(psnOf),
      accountChoice: 'own',
      openid: p.eCredentialActive ? p.openid : null,
    });
  }
  for (const [year, amount] of Object.entries(DEMO_PREMIUMS)) await store.setPremium(Number(year), amount);
  for (const b of DEMO_BINDINGS) {
    const authorizer = demoPerson(b.authorizer);
    const beneficiary = demoPerson(b.beneficiary);
    const result = await createBinding(deps, {
      authorizerPsnNo: psnOf(authorizer.idNumber),
      beneficiaryPsnNo: psnOf(beneficiary.idNumber),
      beneficiaryName: beneficiary.name,
      relation: b.relation,
      bindingId: `demo-${b.authorizer}-${b.beneficiary}`,
    });
    if (!result.ok) throw new Error(`demo binding ${b.authorizer} → ${b.beneficiary} refused: ${result.code}`);
  }
  // Two manual claims of 扎西: one done, one under review (filed 12 days ago).
  const day = 86_400_000;
  const zhaxiPsn = psnOf(zhaxi.idNumber);
  const done = await fileClaim(deps, { claimId: 'demo-claim-1', psnNo: zhaxiPsn, institutionName: '成都市第三人民医院（异地就医）', amount: 86_450 }, now - 60 * day);
  for (const offset of [58, 50, 44, 40]) await advanceClaim(deps, zhaxiPsn, done.claimId, now - offset * day);
  const open = await fileClaim(deps, { claimId: 'demo-claim-2', psnNo: zhaxiPsn, institutionName: '西藏自治区人民医院', amount: 23_180 }, now - 12 * day);
  for (const offset of [11, 6]) await advanceClaim(deps, zhaxiPsn, open.claimId, now - offset * day);
  return true;
}
