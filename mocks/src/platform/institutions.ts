import type { InstitutionRecord } from '@family-share/shared';

/**
 * Designated institutions (定点医疗机构 / 定点零售药店), R21: platform data, seeded into Redis
 * at start. In the policy's region (54…) family sharing applies everywhere; outside it only
 * where the institution is opened for cross-area sharing (异地共济, `sharingEnabled`).
 * The first six keep the order the tests and the bench have always indexed.
 */
export const DEMO_INSTITUTIONS: readonly InstitutionRecord[] = [
  { code: 'H54010001', name: '西藏自治区人民医院', kind: 'hospital', region: '540102', sharingEnabled: true },
  { code: 'H54010002', name: '拉萨市人民医院', kind: 'hospital', region: '540102', sharingEnabled: true },
  { code: 'H54020001', name: '日喀则市人民医院', kind: 'hospital', region: '540202', sharingEnabled: true },
  { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy', region: '540102', sharingEnabled: true },
  { code: 'P54010002', name: '西藏藏医药大药房（北京中路店）', kind: 'pharmacy', region: '540102', sharingEnabled: true },
  { code: 'P54250001', name: '阿里地区噶尔县益民药店', kind: 'pharmacy', region: '542523', sharingEnabled: true },
  { code: 'H54250001', name: '阿里地区人民医院', kind: 'hospital', region: '542521', sharingEnabled: true },
  { code: 'P54020001', name: '日喀则市桑珠孜区济民药店', kind: 'pharmacy', region: '540202', sharingEnabled: true },
  // Outside Tibet: one not opened for cross-area sharing, one opened.
  { code: 'H51010001', name: '成都市第三人民医院', kind: 'hospital', region: '510104', sharingEnabled: false },
  { code: 'H51010002', name: '四川大学华西医院（已开通异地共济）', kind: 'hospital', region: '510107', sharingEnabled: true },
];

/** The plain {code, name, kind} of a record, as settlements, payments and ledger entries carry it. */
export function institutionRef(record: InstitutionRecord): { code: string; name: string; kind: InstitutionRecord['kind'] } {
  return { code: record.code, name: record.name, kind: record.kind };
}
