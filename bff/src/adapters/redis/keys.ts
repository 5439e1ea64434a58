/**
 * The BFF's Redis key layout, every key it writes in one place. Keys of one WeChat account
 * carry the hash tag {u:<openid>}, keys of one person {p:<psnNo>} (the platform's person
 * number, never an ID number or a name), an invitation {inv:<id>}; every script touches one
 * tag, so each is atomic on a Redis Cluster too. The names are those a running Redis already
 * holds: renaming one would orphan its data.
 */
export interface AccountKeys {
  /** HASH sid, openid, personId, createdAt, refreshHash, prevHash, rotatedAt: one login (EXPIRE refresh TTL). */
  session: (sid: string) => string;
  /** STRING JSON: a face-verification session (EX). */
  face: (sessionId: string) => string;
  /** HASH purpose, target: a single-use face ticket (R6; EXPIRE). */
  ticket: (ticket: string) => string;
  /** HASH "<template>:decision|left|at": subscription consents. */
  subscriptions: string;
  /** LIST JSON, capped: the subscription messages sent. */
  deliveries: string;
}

export interface BffPersonKeys {
  /** HASH letter, version, acceptedAt: the commitment letter this person accepted (R9; no letter: Tibet's, written before letters had ids). */
  commitment: string;
  /** STREAM field e = JSON {kind, at, data}, MAXLEN ~500: the BFF's own notices (R20). */
  inbox: string;
  /** STRING ms: notices up to here are read. */
  inboxRead: string;
  /** STRING invitationId (PX until its expiry): the one open invitation from this person to another. */
  invitationTo: (inviteeId: string) => string;
  /** ZSET createdAt → invitationId: invitations this person sent. */
  invitationsSent: string;
  /** ZSET createdAt → invitationId: invitations this person received. */
  invitationsReceived: string;
  /** HASH fp, state, status, body, leaseUntil: one Idempotency-Key's request (R17). */
  idempotency: (key: string) => string;
  /** STRING: the WeChat openid this person last logged in with (for messages to them). */
  openid: string;
}

export class BffKeys {
  constructor(readonly prefix = 'bff:') {}

  account(openid: string): AccountKeys {
    const base = `${this.prefix}{u:${openid}}:`;
    return {
      session: (sid) => `${base}sess:${sid}`,
      face: (sessionId) => `${base}face:${sessionId}`,
      ticket: (ticket) => `${base}ticket:${ticket}`,
      subscriptions: `${base}subs`,
      deliveries: `${base}deliveries`,
    };
  }

  person(personId: string): BffPersonKeys {
    const base = `${this.prefix}{p:${personId}}:`;
    return {
      commitment: `${base}commitment`,
      inbox: `${base}inbox`,
      inboxRead: `${base}inbox:read`,
      invitationTo: (inviteeId) => `${base}inv:to:${inviteeId}`,
      invitationsSent: `${base}inv:sent`,
      invitationsReceived: `${base}inv:recv`,
      idempotency: (key) => `${base}idem:${key}`,
      openid: `${base}openid`,
    };
  }

  /** STRING JSON: one invitation, kept 30 days past its expiry so both sides see what became of it. */
  invitation(invitationId: string): string {
    return `${this.prefix}{inv:${invitationId}}`;
  }

  /** ZSET expiresAt → invitationId: open invitations, for the expiry sweep (R19). */
  get invitationsExpiring(): string {
    return `${this.prefix}inv:expiring`;
  }

  /** ZSET next check → invitationId: open invitations due for a re-check against the rules (R4, R8). */
  get invitationRechecks(): string {
    return `${this.prefix}inv:rechecks`;
  }

  /**
   * rate-limiter-flexible's keyPrefix for one limit; it appends ":<key>" (an openid or a person
   * number, never an ID number).
   */
  rateLimit(name: string): string {
    return `${this.prefix}rl:${name}`;
  }
}
