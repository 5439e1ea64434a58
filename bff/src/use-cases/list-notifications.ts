import { maskName, type FeedEvent, type NotificationKind, type NotificationView } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import type { InboxItem } from '../ports/stores';

/** Fields of platform events that may reach the page; names are masked, ids dropped. */
const PASSED = ['amount', 'charge', 'own', 'shared', 'cash', 'institutionName', 'year', 'relation', 'reason', 'role', 'deductionKind', 'mode', 'insurance', 'status', 'bindingId', 'invitationId', 'box', 'expiresAt', 'reversed'];
const NAMES = ['counterpartName', 'beneficiaryName', 'payerName', 'guardianName', 'fromName', 'byName', 'otherName'];

function scrub(data: Record<string, unknown>, me: string): NotificationView['data'] {
  const out: NotificationView['data'] = {};
  for (const key of PASSED) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
  }
  for (const key of NAMES) {
    const value = data[key];
    // Names written by the BFF are masked already; the platform's are masked here.
    if (typeof value === 'string') out[key] = value.includes('*') ? value : maskName(value);
  }
  if (typeof data.endedBy === 'string') out.endedByMe = data.endedBy === me;
  return out;
}

const streamMs = (id: string) => Number(id.split('-')[0]);

interface Source {
  id: string;
  kind: string;
  data: Record<string, unknown>;
}

/**
 * R20, the inbox: the platform's feed (bindings, deductions, premiums) and the BFF's own
 * notices (invitations), merged newest first. The cursor remembers where each source was
 * left, so that paging never skips or repeats an item.
 */
export async function listNotifications(deps: BffDeps, caller: Caller, query: { cursor?: string | undefined; limit: number }) {
  const me = caller.personId;
  if (!me) return { items: [], nextCursor: null, unread: 0 };
  const [feedAt = '', inboxAt = ''] = (query.cursor ?? '~').split('~');
  const [feed, inbox, readMark] = await Promise.all([
    deps.platform.feed(me, { cursor: feedAt || undefined, limit: query.limit + 1 }),
    deps.inbox.page(me, inboxAt || null, query.limit + 1),
    deps.inbox.readMark(me),
  ]);
  const merged: Array<Source & { source: 'feed' | 'inbox' }> = [
    ...feed.items.map((e: FeedEvent) => ({ id: e.id, kind: e.kind, data: e.data, source: 'feed' as const })),
    ...inbox.map((i: InboxItem) => ({ id: i.id, kind: i.kind, data: i.data, source: 'inbox' as const })),
  ].sort((x, y) => streamMs(y.id) - streamMs(x.id) || (x.id < y.id ? 1 : -1));
  const page = merged.slice(0, query.limit);
  const lastFeed = page.filter((x) => x.source === 'feed').at(-1)?.id ?? feedAt;
  const lastInbox = page.filter((x) => x.source === 'inbox').at(-1)?.id ?? inboxAt;
  return {
    items: page.map((x) => ({
      id: `${x.source}:${x.id}`,
      kind: x.kind as NotificationKind,
      at: streamMs(x.id),
      read: streamMs(x.id) <= readMark,
      data: scrub(x.data, me),
    })),
    nextCursor: merged.length > query.limit ? `${lastFeed}~${lastInbox}` : null,
    unread: await countUnread(deps, me, readMark),
  };
}

/** Unread counts stop here: the badge shows "99+". */
export const UNREAD_CAP = 99;

/** How many notices are newer than my read mark (capped at UNREAD_CAP); the home page counts its own way (get-home.ts). */
export async function countUnread(deps: BffDeps, personId: string, knownMark?: number): Promise<number> {
  const mark = knownMark ?? (await deps.inbox.readMark(personId));
  const [own, feed] = await Promise.all([deps.inbox.countSince(personId, mark, UNREAD_CAP), deps.platform.feedCount(personId, mark)]);
  return Math.min(UNREAD_CAP, own + feed);
}

export async function markRead(deps: BffDeps, caller: Caller, upTo: number): Promise<{ unread: number }> {
  const me = caller.personId;
  if (!me) return { unread: 0 };
  const current = await deps.inbox.readMark(me);
  const mark = Math.min(Math.max(current, upTo), deps.clock());
  await deps.inbox.setReadMark(me, mark);
  return { unread: await countUnread(deps, me, mark) };
}
