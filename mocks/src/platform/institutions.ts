import type { Institution } from '@family-share/shared';

/** Designated institutions (定点医疗机构 / 定点零售药店) for the demo and the POS simulator. */
export const DEMO_INSTITUTIONS: readonly Institution[] = [
  { code: 'H54010001', name: '西藏自治区人民医院', kind: 'hospital' },
  { code: 'H54010002', name: '拉萨市人民医院', kind: 'hospital' },
  { code: 'H54020001', name: '日喀则市人民医院', kind: 'hospital' },
  { code: 'P54010001', name: '拉萨城关区康源药店', kind: 'pharmacy' },
  { code: 'P54010002', name: '西藏藏医药大药房（北京中路店）', kind: 'pharmacy' },
  { code: 'P54250001', name: '阿里地区噶尔县益民药店', kind: 'pharmacy' },
];
