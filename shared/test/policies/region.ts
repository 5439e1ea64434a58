import { RELATIONS, TIBET_2022, type Policy, type Relation } from '../../src';
import { TEST_REGION } from './test-region';

/** The policies every rule table runs under: the default, and one that differs in every value. */
export const REGIONS: readonly Policy[] = [TIBET_2022, TEST_REGION];

/** A 6-digit insuring-area code inside the policy's region (R2). */
export function areaIn(policy: Policy): string {
  return `${policy.regionPrefix}010203`.slice(0, 6);
}

/** A 6-digit insuring-area code outside the policy's region: Sichuan, or Qinghai when the region is Sichuan. */
export function areaOutside(policy: Policy): string {
  return '510104'.startsWith(policy.regionPrefix) ? '630102' : '510104';
}

/** A relation the region does not allow (R3), or undefined when it allows all close relatives. */
export function relationNotAllowed(policy: Policy): Relation | undefined {
  return RELATIONS.find((r) => !policy.allowedRelations.includes(r));
}

/** The birth date of someone who turns `age` on `day` (YYYY-MM-DD; 29 Feb falls back to 28 Feb). */
export function bornTurning(age: number, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - age, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD date. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A minor on `day` under the policy (R18): turns minorAge the day after. */
export const minorOn = (policy: Policy, day: string) => dayAfter(bornTurning(policy.minorAge, day));

/** An adult on `day` under the policy (R18): turns minorAge that very day. */
export const adultFromOn = (policy: Policy, day: string) => bornTurning(policy.minorAge, day);
