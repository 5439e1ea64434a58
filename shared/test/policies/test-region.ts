import type { Policy } from '../../src';

/**
 * A made-up region, for tests only: every value differs from Tibet 2022, so that a rule which
 * reads a Tibet literal instead of the policy fails under it. This file is the whole of a new
 * region; a real one would also be registered in POLICIES (shared/src/policy.ts) to be chosen
 * by name. Nothing else in the product may need to change to admit it (issue 13 item 8).
 */
export const TEST_REGION: Policy = Object.freeze({
  name: 'test-region',
  // An odd floor, so that no test passes by knowing 300000.
  reserveFloor: 123_456,
  reserveMode: 'gate',
  maxAuthorizersPerBeneficiary: 2,
  allowedRelations: ['spouse', 'parent', 'child'],
  // Qinghai's province code: a prefix where none of Tibet's 54… people belong.
  regionPrefix: '63',
  minorAge: 18,
  invitationTtlHours: 48,
  cancellationWindowDays: 7,
  regionName: '测试地区',
  hotline: '0971-9612345',
  counterName: '测试地区医保服务大厅',
  basis: '测试用政策（非真实文件）',
  // R9: its own short letter, naming none of Tibet's values, so that a page or a check which
  // still reads Tibet's letter shows it.
  commitment: {
    id: 'test-region-letter',
    version: 'test-region-letter-v1',
    title: '测试地区个人账户家庭共享承诺书',
    paragraphs: [
      '本人为测试地区职工医保参保人员，自愿与近亲属建立个人账户共享关系，并作如下承诺：',
      '一、本人提供的近亲属信息真实、准确。',
      '二、因信息不实带来的责任由本人承担。',
    ],
  },
} satisfies Policy);
