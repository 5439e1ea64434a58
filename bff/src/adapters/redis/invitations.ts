import { isErrorCode } from '@family-share/shared';
import type { InvitationRecord, InvitationStore, TransitionResult } from '../../ports/stores';
import { runScript, type RedisLike } from './client';
import type { BffKeys } from './keys';

/** Invitation records keep these fields as strings inside Lua (cjson would round big numbers). */
function toStored(record: InvitationRecord): string {
  return JSON.stringify({
    ...record,
    createdAt: String(record.createdAt),
    expiresAt: String(record.expiresAt),
    decidedAt: record.decidedAt === null ? '' : String(record.decidedAt),
    bindingId: record.bindingId ?? '',
    closedReason: record.closedReason ?? '',
  });
}

function fromStored(json: string): InvitationRecord {
  const raw = JSON.parse(json) as Record<string, string>;
  return {
    invitationId: raw.invitationId ?? '',
    inviterId: raw.inviterId ?? '',
    inviterName: raw.inviterName ?? '',
    inviterMaskedIdNumber: raw.inviterMaskedIdNumber ?? '',
    inviteeId: raw.inviteeId ?? '',
    inviteeName: raw.inviteeName ?? '',
    inviteeMaskedIdNumber: raw.inviteeMaskedIdNumber ?? '',
    relation: raw.relation as InvitationRecord['relation'],
    status: raw.status as InvitationRecord['status'],
    createdAt: Number(raw.createdAt),
    expiresAt: Number(raw.expiresAt),
    decidedAt: raw.decidedAt ? Number(raw.decidedAt) : null,
    bindingId: raw.bindingId ? raw.bindingId : null,
    closedReason: isErrorCode(raw.closedReason) ? raw.closedReason : null,
  };
}

/**
 * One record per invitation on its own tag {inv:<id>}; each person's sent and received indexes
 * on the person's tag; the sweeps' two sets untagged. Creating one is a sequence of single-key
 * steps (the order is unchanged from the single-file version): a crash after the pair key leaves
 * it naming no record, and the next invitation to that person takes it over; a crash after the
 * record leaves one that some index does not name, which lapses with its TTL.
 */
export function redisInvitationStore(r: RedisLike, keys: BffKeys): InvitationStore {
  const expiring = keys.invitationsExpiring;
  const rechecks = keys.invitationRechecks;

  const getMany = async (ids: readonly string[]): Promise<InvitationRecord[]> => {
    const records = await Promise.all(ids.map((id) => r.get(keys.invitation(id))));
    return records.filter((j): j is string => j !== null).map(fromStored);
  };

  return {
    async create(record) {
      const pairKey = keys.person(record.inviterId).invitationTo(record.inviteeId);
      const ttlMs = Math.max(1, record.expiresAt - record.createdAt);
      const claimed = await r.set(pairKey, record.invitationId, 'PX', ttlMs, 'NX');
      if (claimed !== 'OK') {
        const holder = await r.get(pairKey);
        const open = holder ? await r.get(keys.invitation(holder)) : null;
        if (open && fromStored(open).status === 'pending') return 'pending-exists';
        await r.set(pairKey, record.invitationId, 'PX', ttlMs);
      }
      // Keep the record well past its expiry so that both sides can see what became of it.
      await r.set(keys.invitation(record.invitationId), toStored(record), 'PX', ttlMs + 30 * 86_400_000);
      await r.zadd(keys.person(record.inviterId).invitationsSent, record.createdAt, record.invitationId);
      await r.zadd(keys.person(record.inviteeId).invitationsReceived, record.createdAt, record.invitationId);
      await r.zadd(expiring, record.expiresAt, record.invitationId);
      await r.zadd(rechecks, record.createdAt, record.invitationId);
      return 'ok';
    },
    async get(invitationId) {
      const json = await r.get(keys.invitation(invitationId));
      return json ? fromStored(json) : null;
    },
    getMany,
    async list(personId, box, limit) {
      const person = keys.person(personId);
      return getMany(await r.zrevrange(box === 'sent' ? person.invitationsSent : person.invitationsReceived, 0, limit - 1));
    },
    async transition(invitationId, from, to, now, bindingId = null, closedReason = null): Promise<TransitionResult> {
      const [outcome, json] = await runScript<[string, string]>(
        r,
        'transition-invitation',
        [keys.invitation(invitationId)],
        [to, now, bindingId ?? '', from.join(','), closedReason ?? ''],
      );
      if (outcome === 'missing') return { ok: false, reason: 'missing', record: null };
      const record = fromStored(json);
      if (outcome === 'ok' || outcome === 'same') {
        if (outcome === 'ok' && to !== 'accepting' && to !== 'pending') {
          await r.zrem(expiring, invitationId);
          await r.zrem(rechecks, invitationId);
          await r.del(keys.person(record.inviterId).invitationTo(record.inviteeId));
        }
        return { ok: true, record, changed: outcome === 'ok' };
      }
      if (outcome === 'expired') {
        await r.zrem(expiring, invitationId);
        await r.zrem(rechecks, invitationId);
      }
      return { ok: false, reason: outcome === 'expired' ? 'expired' : 'not-pending', record };
    },
    async dueExpiries(now, limit) {
      return r.zrangebyscore(expiring, '-inf', now, 'LIMIT', 0, limit);
    },
    async forgetExpiry(invitationId) {
      await r.zrem(expiring, invitationId);
      await r.zrem(rechecks, invitationId);
    },
    async takeDueRechecks(now, next, limit) {
      const ids = await r.zrangebyscore(rechecks, '-inf', now, 'LIMIT', 0, limit);
      // Pushed back first: two BFF processes sweeping at once mostly take different ones.
      if (ids.length > 0) await r.zadd(rechecks, 'XX', ...ids.flatMap((id) => [next, id]));
      return ids;
    },
  };
}
