import { createHash } from 'node:crypto';

/**
 * What a face ticket for an ID number the person typed (the relative to bind) is bound to: a
 * digest of the number, so that the ticket's record names no ID number (issue 9 item 5) and
 * yet fits only that number. Tickets live minutes and stay inside the BFF.
 */
export function faceTarget(idNumber: string): string {
  return `idh:${createHash('sha256').update(`face-target|${idNumber.toUpperCase()}`).digest('base64url')}`;
}
