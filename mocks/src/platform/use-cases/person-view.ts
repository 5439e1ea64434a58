import type { PlatformPerson } from '@family-share/shared';
import type { StoredPerson } from '../store/platform-store';

/** What leaves the platform of a person: the stored record without internal counters. */
export function personView(person: StoredPerson): PlatformPerson {
  const { version: _version, openid: _openid, ...view } = person;
  return view;
}

/** R2: may this person's account be used for family sharing right now? */
export function canShareFrom(person: Pick<StoredPerson, 'insurance' | 'status'>): boolean {
  return person.insurance === 'employee' && person.status === 'active';
}
