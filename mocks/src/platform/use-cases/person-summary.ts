import type { PersonBindings, PlatformPerson } from '@family-share/shared';
import type { PlatformDeps } from '../deps';
import { bindingsOf } from './list-bindings';
import { personView } from './person-view';

/**
 * A home page's summary of a person: who they are, their bindings and how many feed events are
 * newer than `feedSince` (up to 99). Two round trips at most (issue 14): one read script on the
 * person's slot, then one per beneficiary the person shares with, sent together. Null for
 * nobody. With `feedSince` null (the bindings route), nothing is counted.
 */
export async function personSummary(
  deps: PlatformDeps,
  psnNo: string,
  feedSince: number | null,
): Promise<{ person: PlatformPerson; bindings: PersonBindings; feedNewer: number } | null> {
  const view = await deps.store.personHome(psnNo, feedSince);
  if (!view.person) return null;
  return { person: personView(view.person), bindings: await bindingsOf(deps, psnNo, view), feedNewer: view.feedNewer ?? 0 };
}
