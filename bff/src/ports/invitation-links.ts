/** Signed links to one invitation (发送给家人): they name it and expire with it. */
export interface InvitationLinks {
  sign(invitationId: string, expiresAt: number): string;
  /** The invitation a token names, or null when it was altered or has expired. */
  verify(token: string, now: number): { invitationId: string; expiresAt: number } | null;
}
