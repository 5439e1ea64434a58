import { composeIdNumber, TIBET_2022, type PersonFacts, type Policy } from '../src';
import { areaIn } from './policies/region';

/**
 * An employee of the policy's region (Lhasa, 540102, under Tibet 2022) born 1980, activated, in
 * normal state; override what a case needs.
 */
export function person(
  overrides: Partial<PersonFacts> & { born?: string; seq?: number } = {},
  policy: Policy = TIBET_2022,
): PersonFacts {
  const { born = '1980-05-17', seq = 11, ...facts } = overrides;
  const region = facts.region ?? areaIn(policy);
  return {
    id: composeIdNumber(region, born, seq),
    birthDate: born,
    insurance: 'employee',
    region,
    status: 'active',
    eCredentialActive: true,
    ...facts,
  };
}

export const TODAY = '2026-11-22';
