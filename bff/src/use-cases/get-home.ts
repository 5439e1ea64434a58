import type { Home } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { countUnread } from './list-notifications';
import { bindingView, myPerson, policySummary } from './views';

/** The first page: my credential and balance, whom I share with and who with me, the badges. */
export async function getHome(deps: BffDeps, caller: Caller): Promise<Home> {
  const base = { policy: policySummary(deps.config.policy), demo: deps.config.demo };
  const personId = caller.personId;
  if (!personId) {
    return { ...base, person: null, sharing: { asAuthorizer: [], asBeneficiary: [] }, pendingInvitations: 0, unreadNotifications: 0 };
  }
  const now = deps.clock();
  // One platform call: person, bindings and the feed count newer than my read mark.
  const readMark = await deps.inbox.readMark(personId);
  const [summary, received] = await Promise.all([deps.platform.summary(personId, readMark), deps.invitations.list(personId, 'received', 50)]);
  const { person, bindings } = summary;
  const unread = await countUnread(deps, personId, readMark, summary.feedNewer);
  return {
    ...base,
    person: myPerson(person, deps.config.policy),
    sharing: {
      asAuthorizer: bindings.asAuthorizer.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
      asBeneficiary: bindings.asBeneficiary.filter((b) => b.status === 'active').map((b) => bindingView(b, personId)),
    },
    pendingInvitations: received.filter((i) => (i.status === 'pending' || i.status === 'accepting') && i.expiresAt > now).length,
    unreadNotifications: unread,
  };
}
