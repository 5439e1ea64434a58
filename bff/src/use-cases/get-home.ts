import type { Home } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { UNREAD_CAP } from './list-notifications';
import { bindingView, myPerson, policySummary } from './views';

/** The newest received invitations looked at for the badge (as the invitations page lists them). */
const RECEIVED_LOOKED_AT = 50;

/**
 * The first page: my credential and balance, whom I share with and who with me, the badges.
 * Round trips (issue 14): one script on my slot (read mark, my unread BFF notices counted in
 * Redis, received invitation ids), then the one platform call (person, bindings, the feed count
 * newer than my read mark) beside the GETs of those invitations; nothing after.
 */
export async function getHome(deps: BffDeps, caller: Caller): Promise<Home> {
  const base = { policy: policySummary(deps.config.policy), demo: deps.config.demo };
  const personId = caller.personId;
  if (!personId) {
    return { ...base, person: null, sharing: { asAuthorizer: [], asBeneficiary: [] }, pendingInvitations: 0, unreadNotifications: 0 };
  }
  const now = deps.clock();
  const reads = await deps.home.reads(personId, UNREAD_CAP, RECEIVED_LOOKED_AT);
  const [summary, received] = await Promise.all([deps.platform.summary(personId, reads.readMark), deps.invitations.getMany(reads.receivedIds)]);
  const { person, bindings } = summary;
  return {
    ...base,
    person: myPerson(person, deps.config.policy),
    sharing: {
      asAuthorizer: bindings.asAuthorizer.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
      asBeneficiary: bindings.asBeneficiary.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
    },
    pendingInvitations: received.filter((i) => (i.status === 'pending' || i.status === 'accepting') && i.expiresAt > now).length,
    unreadNotifications: Math.min(UNREAD_CAP, reads.ownUnread + summary.feedNewer),
  };
}
