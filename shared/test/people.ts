import { composeIdNumber, type PersonFacts } from '../src';

/** A Lhasa (540102) employee born 1980, activated, in normal state; override what a case needs. */
export function person(overrides: Partial<PersonFacts> & { born?: string; seq?: number } = {}): PersonFacts {
  const { born = '1980-05-17', seq = 11, ...facts } = overrides;
  return {
    id: composeIdNumber('540102', born, seq),
    birthDate: born,
    insurance: 'employee',
    region: '540102',
    status: 'active',
    eCredentialActive: true,
    ...facts,
  };
}

export const TODAY = '2026-11-22';
