import type { ErrorCode, FacePurpose, Relation } from '@family-share/shared';

export interface SessionRecord {
  sid: string;
  openid: string;
  /** The person's person number (psnNo, from the platform), once the e-credential is activated and linked. */
  personId: string | null;
  createdAt: number;
  refreshHash: string;
}

/** Revocable sessions behind short-lived JWTs. */
export interface SessionStore {
  create(record: SessionRecord, ttlS: number): Promise<void>;
  get(openid: string, sid: string): Promise<SessionRecord | null>;
  setPerson(openid: string, sid: string, personId: string): Promise<void>;
  /**
   * Compare-and-set of the refresh token's hash, atomically. 'again': the token just rotated
   * was presented again within `graceMs` and its successor (newHash) is still current; any
   * other stale one (reuse) revokes the session.
   */
  rotateRefresh(
    openid: string,
    sid: string,
    oldHash: string,
    newHash: string,
    ttlS: number,
    now: number,
    graceMs: number,
  ): Promise<'ok' | 'again' | 'reused' | 'missing'>;
  revoke(openid: string, sid: string): Promise<void>;
}

export interface FaceSessionRecord {
  /** Ours: also getverifyid's out_seq_no. */
  sessionId: string;
  /** WeChat's verify_id. */
  verifyId: string;
  /** cert_hash of the name and number the face is checked against (queryverifyinfo needs it; the number is not kept). */
  certHash: string;
  openid: string;
  purpose: FacePurpose;
  /** A digest of the typed ID number (faceTarget: bind, activate) or the binding id (unbind); never an ID number. */
  target: string;
  expiresAt: number;
}

/** Face-verification sessions and the single-use tickets they yield (R6). */
export interface FaceStore {
  saveSession(record: FaceSessionRecord, ttlS: number): Promise<void>;
  getSession(openid: string, sessionId: string): Promise<FaceSessionRecord | null>;
  /** Removes the session; true for exactly one caller: the one that may act on its result. */
  takeSession(openid: string, sessionId: string): Promise<boolean>;
  issueTicket(openid: string, ticket: string, purpose: FacePurpose, target: string, ttlS: number): Promise<void>;
  /** True once: the ticket exists, belongs to this account and matches purpose and target; then it is gone. */
  consumeTicket(openid: string, ticket: string, purpose: FacePurpose, target: string): Promise<boolean>;
}

/** R9: which letter (its id) and which version of it a person accepted, and when. */
export interface CommitmentAcceptance {
  letter: string;
  version: string;
  acceptedAt: number;
}

export interface CommitmentStore {
  get(personId: string): Promise<CommitmentAcceptance | null>;
  accept(personId: string, acceptance: CommitmentAcceptance): Promise<void>;
}

/**
 * 'accepting': an acceptance asked the platform to create the binding and the answer is not
 * mirrored yet (in flight, or its process died); shown as pending. Whoever touches it next asks
 * the platform what became of the binding id and mirrors that (reconcile-invitation.ts).
 * 'closed': it could never be accepted any more (closedReason), closed at once (R20).
 */
export type InvitationStatus = 'pending' | 'accepting' | 'accepted' | 'rejected' | 'cancelled' | 'expired' | 'closed';

/** Both people by person number; their ID numbers only in the masked form the other side is shown. */
export interface InvitationRecord {
  invitationId: string;
  inviterId: string;
  inviterName: string;
  inviterMaskedIdNumber: string;
  inviteeId: string;
  inviteeName: string;
  inviteeMaskedIdNumber: string;
  relation: Relation;
  status: InvitationStatus;
  createdAt: number;
  expiresAt: number;
  decidedAt: number | null;
  bindingId: string | null;
  closedReason: ErrorCode | null;
}

export type TransitionResult =
  | { ok: true; record: InvitationRecord; changed: boolean }
  | { ok: false; reason: 'missing' | 'not-pending' | 'expired'; record: InvitationRecord | null };

export interface InvitationStore {
  /** 'pending-exists': the inviter has an open invitation to this person already. */
  create(record: InvitationRecord): Promise<'ok' | 'pending-exists'>;
  get(invitationId: string): Promise<InvitationRecord | null>;
  /** The records of these ids that still exist, in the order given. */
  getMany(invitationIds: readonly string[]): Promise<InvitationRecord[]>;
  list(personId: string, box: 'sent' | 'received', limit: number): Promise<InvitationRecord[]>;
  /**
   * Atomically moves an invitation from one of `from` to `to`. R19: a pending one past its
   * expiry, about to be held for an acceptance, becomes 'expired' instead and the move fails.
   * Moving to the state it is already in, with the same binding, succeeds without change (a retry).
   */
  transition(
    invitationId: string,
    from: ReadonlyArray<InvitationStatus>,
    to: InvitationStatus,
    now: number,
    bindingId?: string | null,
    closedReason?: ErrorCode | null,
  ): Promise<TransitionResult>;
  /** Ids of open invitations whose time has come, for the expiry sweep. */
  dueExpiries(now: number, limit: number): Promise<string[]>;
  forgetExpiry(invitationId: string): Promise<void>;
  /** Ids of open invitations due for a re-check against the rules (R4, R8), oldest first; each is pushed back to `next`. */
  takeDueRechecks(now: number, next: number, limit: number): Promise<string[]>;
}

export interface InboxItem {
  id: string;
  kind: string;
  at: number;
  data: Record<string, string | number | boolean | null>;
}

/** The BFF's own notices (invitations); the platform's feed holds the rest (R20). */
export interface InboxStore {
  add(personId: string, kind: string, at: number, data: InboxItem['data']): Promise<void>;
  page(personId: string, before: string | null, limit: number): Promise<InboxItem[]>;
  countSince(personId: string, sinceMs: number, cap: number): Promise<number>;
  readMark(personId: string): Promise<number>;
  setReadMark(personId: string, upTo: number): Promise<void>;
}

/** What the home page needs of one person's BFF data before it asks the platform. */
export interface HomeReads {
  /** Notices up to this time (ms) are read; 0 when none ever were. */
  readMark: number;
  /** The BFF's own notices newer than the read mark, at most the cap asked for. */
  ownUnread: number;
  /** The newest received invitations' ids, newest first. */
  receivedIds: string[];
}

/** The home page's reads of one person, in one round trip on the person's slot (issue 14). */
export interface HomeStore {
  reads(personId: string, unreadCap: number, receivedLimit: number): Promise<HomeReads>;
}

/** Which WeChat account a person uses, for subscription messages (R20). */
export interface OpenidStore {
  remember(personId: string, openid: string): Promise<void>;
  of(personId: string): Promise<string | null>;
}

export type IdempotencyBegin =
  | { state: 'new' }
  /** The first attempt's lease ran out before it finished (its process died): carry on with it. */
  | { state: 'resume' }
  | { state: 'in-progress'; leaseLeftMs: number }
  | { state: 'mismatch' }
  | { state: 'done'; status: number; body: unknown };

/** R17 at the BFF: a client retry with the same Idempotency-Key replays the first answer. */
export interface IdempotencyStore {
  /** An in-progress record holds a lease of `leaseMs` from `now`; a caller after it takes the record over ('resume'). */
  begin(scope: string, key: string, fingerprint: string, ttlS: number, now: number, leaseMs: number): Promise<IdempotencyBegin>;
  finish(scope: string, key: string, status: number, body: unknown, ttlS: number): Promise<void>;
  abandon(scope: string, key: string): Promise<void>;
}
