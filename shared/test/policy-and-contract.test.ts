import { describe, expect, it } from 'vitest';
import {
  BFF_API,
  BFF_RATE_LIMITS,
  commitmentReserveNote,
  composeIdNumber,
  DEFAULT_POLICY,
  ERROR_CATALOGUE,
  ERROR_CODES,
  ErrorBodySchema,
  FenSchema,
  formatYuanPlain,
  IdNumberSchema,
  NGARI_2025,
  PageQuerySchema,
  PersonNameSchema,
  POLICIES,
  policyByName,
  RelationSchema,
  TIBET_2022,
  TIBET_2022_LETTER,
} from '../src';
import { TEST_REGION } from './policies/test-region';
import { REGIONS } from './policies/region';

describe('policies', () => {
  it('when nothing is chosen, then Tibet 2022 applies with every DECISION value', () => {
    expect(DEFAULT_POLICY).toBe(TIBET_2022);
    expect(TIBET_2022).toMatchObject({
      reserveFloor: 300000,
      reserveMode: 'floor',
      maxAuthorizersPerBeneficiary: 1,
      regionPrefix: '54',
      minorAge: 16,
      invitationTtlHours: 72,
    });
    expect(TIBET_2022.allowedRelations).toEqual(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild']);
  });
  it('when Ngari 2025 is chosen (R14), then several authorizers are allowed and the rest is the same', () => {
    expect(NGARI_2025.maxAuthorizersPerBeneficiary).toBeGreaterThan(1);
    // the rules are the same; only the words of where to go in person and the document differ
    const rules = { name: 'x', maxAuthorizersPerBeneficiary: 0, counterName: '', basis: '' } as const;
    expect({ ...NGARI_2025, ...rules }).toEqual({ ...TIBET_2022, ...rules });
    expect(NGARI_2025.regionName).toBe(TIBET_2022.regionName);
    expect(policyByName('ngari-2025')).toBe(NGARI_2025);
    expect(policyByName('toString')).toBeUndefined();
  });
  it('when a phone cannot do face verification, then the policy names where else to go: the counter and the hotline (issue 11)', () => {
    expect([TIBET_2022.counterName, TIBET_2022.hotline]).toEqual(['当地医疗保障经办机构窗口', '12393']);
    expect(NGARI_2025.counterName).toBe('阿里地区医疗保障经办机构窗口');
    expect(NGARI_2025.hotline).toBe(TIBET_2022.hotline);
  });
  it('when someone tries to change a policy object, then it is frozen', () => {
    expect(Object.isFrozen(TIBET_2022)).toBe(true);
  });
});

describe('the error catalogue', () => {
  const fromSpec = [
    'SELF_BINDING', 'AUTHORIZER_ECREDENTIAL_INACTIVE', 'BENEFICIARY_ECREDENTIAL_INACTIVE', 'AUTHORIZER_NOT_EMPLOYEE',
    'AUTHORIZER_NOT_IN_REGION', 'AUTHORIZER_ACCOUNT_ABNORMAL', 'BENEFICIARY_NOT_INSURED', 'RELATION_NOT_ALLOWED',
    'REVERSE_BINDING', 'BENEFICIARY_ALREADY_BOUND', 'DUPLICATE_BINDING', 'MINOR_NEEDS_PARENT', 'IDENTITY_MISMATCH',
    'INVITATION_EXPIRED', 'FACE_VERIFICATION_REQUIRED', 'COMMITMENT_REQUIRED', 'INSUFFICIENT_SHARED_BALANCE',
    'PREMIUM_ONLY_FOR_RESIDENT', 'NOT_BOUND', 'IDEMPOTENCY_KEY_REUSED',
  ];
  it('when SPEC lists a code, then the catalogue has it', () => {
    for (const code of fromSpec) expect(ERROR_CODES).toContain(code);
  });
  it('when a code is in the catalogue, then it is UPPER_SNAKE and maps to a 4xx/5xx status', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(ERROR_CATALOGUE[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CATALOGUE[code].status).toBeLessThan(600);
    }
  });
});

describe('contract building blocks', () => {
  it('when an ID number is parsed, then a lower-case x is normalised and a bad checksum refused', () => {
    expect(IdNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(IdNumberSchema.safeParse('110105194912310021').success).toBe(false);
    expect(IdNumberSchema.safeParse(540102199001).success).toBe(false);
    expect(IdNumberSchema.parse(composeIdNumber('540102', '1990-01-01', 101))).toHaveLength(18);
  });
  it('when an amount is parsed, then only integer fen pass', () => {
    expect(FenSchema.safeParse(100).success).toBe(true);
    for (const bad of [-1, 1.5, '100', Number.NaN, 2 ** 60]) expect(FenSchema.safeParse(bad).success).toBe(false);
  });
  it('when a name is parsed, then Chinese and Tibetan names pass and markup does not', () => {
    for (const good of ['张三', '扎西顿珠', '阿依古丽·买买提', 'བཀྲ་ཤིས']) expect(PersonNameSchema.safeParse(good).success).toBe(true);
    for (const bad of ['张', '<script>', 'Zhang San', '张三1', '张'.repeat(31)]) expect(PersonNameSchema.safeParse(bad).success).toBe(false);
  });
  it('when a relation is parsed (R3), then only the six close relatives pass', () => {
    expect(RelationSchema.safeParse('parent').success).toBe(true);
    expect(RelationSchema.safeParse('friend').success).toBe(false);
  });
  it('when a page query has no limit, then 20; a limit over 100 is refused', () => {
    expect(PageQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(PageQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });
  it('when an error body carries an unknown code, then it is refused', () => {
    expect(ErrorBodySchema.safeParse({ error: { code: 'NOT_BOUND', message: 'x' } }).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { code: 'OOPS', message: 'x' } }).success).toBe(false);
  });
  it('when the commitment letter (R9) is shown, then it holds the eight promises of 附件2', () => {
    expect(TIBET_2022_LETTER.paragraphs).toHaveLength(9);
    expect(TIBET_2022_LETTER.paragraphs.join('')).toContain('3000');
  });
});

describe('rate limits in the BFF registry', () => {
  it('when an endpoint declares a rate limit, then it lists RATE_LIMITED among its errors, and every limit is used by an endpoint or counted in a use case', () => {
    const limited = Object.entries(BFF_API).flatMap(([name, spec]) => ('rateLimit' in spec ? [[name, spec.rateLimit, spec.errors as readonly string[]] as const] : []));
    expect(limited.filter(([, , errors]) => !errors.includes('RATE_LIMITED')).map(([name]) => name)).toEqual([]);
    const used = new Set<string>(limited.map(([, limit]) => limit));
    const unused = Object.entries(BFF_RATE_LIMITS).filter(([name, spec]) => !used.has(name) && !('countedInUseCase' in spec)).map(([name]) => name);
    expect(unused).toEqual([]);
  });
});

describe.each(REGIONS)('R9/R13 the reserve note under the commitment letter, under $name', (policy) => {
  it('when the note is worded, then it states this policy’s floor in its reserve mode and no other amount', () => {
    const note = commitmentReserveNote(policy);
    const floor = `${formatYuanPlain(policy.reserveFloor).replace(/\.00$/, '')}元`;
    expect(note).toContain(floor);
    expect(note.includes('最低保留')).toBe(policy.reserveMode === 'floor');
    if (policy.reserveFloor !== TIBET_2022.reserveFloor) expect(note).not.toMatch(/3,?000元/);
  });
});

describe('R9 the commitment letter is policy data', () => {
  it('when Tibet 2022 or Ngari 2025 is in force, then the letter is Tibet\'s 附件2 with the version acceptances were recorded with', () => {
    expect(TIBET_2022.commitment).toBe(TIBET_2022_LETTER);
    expect(NGARI_2025.commitment).toBe(TIBET_2022_LETTER);
    // Stored acceptances name this version: changing it would void every one of them.
    expect(TIBET_2022_LETTER).toMatchObject({ id: 'tibet-2022-11-annex2', version: 'tibet-2022-11-annex2-v1', title: '职工基本医疗保险个人账户近亲属共享承诺书' });
  });
  it('when two policies carry letters with one id, then it is one letter (same version and text), so an acceptance names the text it was given for', () => {
    const letters = [...Object.values(POLICIES), TEST_REGION].map((p) => p.commitment);
    for (const a of letters) for (const b of letters) if (a.id === b.id) expect(b).toEqual(a);
    expect(new Set(letters.map((l) => l.id)).size).toBe(new Set(letters.map((l) => JSON.stringify(l))).size);
  });
  it('when the test-only region is in force, then its letter is its own and names none of Tibet\'s values', () => {
    expect(TEST_REGION.commitment.id).not.toBe(TIBET_2022_LETTER.id);
    const text = [TEST_REGION.commitment.title, ...TEST_REGION.commitment.paragraphs].join('');
    expect(text).toContain(TEST_REGION.regionName);
    for (const stale of [/西藏/, /3000/, /藏医保办/]) expect(text).not.toMatch(stale);
  });
});
