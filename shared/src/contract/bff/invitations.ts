// The BFF contract: invitations (R3, R18, R19).
import { z } from 'zod';
import { ErrorCodeSchema, IdNumberSchema, OpaqueIdSchema, PersonNameSchema, RelationSchema } from '../common';
import { EpochMsSchema } from '../platform';
import { MaskedPersonSchema } from './building-blocks';
import { FaceTicketStringSchema } from './face';

/** 'closed': it could never be accepted any more (closedReason says why) and was closed at once (R20). */
export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'cancelled', 'expired', 'closed']);

export const CreateInvitationRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  relation: RelationSchema,
  faceTicket: FaceTicketStringSchema.optional(),
  /** Missing or not the current version: COMMITMENT_REQUIRED (R9). */
  commitmentVersion: z.string().min(1).max(64).optional(),
});

export const InvitationViewSchema = z.object({
  invitationId: OpaqueIdSchema,
  box: z.enum(['sent', 'received']),
  counterpart: MaskedPersonSchema,
  relation: RelationSchema,
  status: InvitationStatusSchema,
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  decidedAt: EpochMsSchema.nullable(),
  bindingId: OpaqueIdSchema.nullable(),
  /** Why a 'closed' invitation was closed: the refusal that acceptance would meet (R4, R8). */
  closedReason: ErrorCodeSchema.nullable(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** The rule check before the face step (issue 12): would an invitation to this person be allowed now? */
export const CheckInvitationRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  relation: RelationSchema,
});
export const CheckInvitationSchema = z.object({
  /** false: a child of mine under the minor age, bound at once as guardian (R18). */
  needsAcceptance: z.boolean(),
});

export const InvitationListQuerySchema = z.object({ box: z.enum(['sent', 'received']) });
export const InvitationListSchema = z.object({ items: z.array(InvitationViewSchema) });

export const MinorBindingRequestSchema = z.object({
  childName: PersonNameSchema,
  childIdNumber: IdNumberSchema,
  faceTicket: FaceTicketStringSchema.optional(),
  commitmentVersion: z.string().min(1).max(64).optional(),
});
