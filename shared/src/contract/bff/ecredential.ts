// The BFF contract: activation of the e-credential (R1).
import { z } from 'zod';
import { IdNumberSchema, PersonNameSchema } from '../common';
import { FaceTicketStringSchema } from './face';

/** A missing face ticket answers FACE_VERIFICATION_REQUIRED; a used or wrong one FACE_TICKET_INVALID. */
export const ActivateRequestSchema = z.object({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  faceTicket: FaceTicketStringSchema.optional(),
});
