import type { AppErrorCode } from '@/services/http'
import { isApiError } from '@/services/http'

export type FormFieldName = 'relation' | 'name' | 'idNumber'

/**
 * Which field of the form a refusal is about, so that the reason stays beside it (issue 12):
 * a name that does not match the ID number marks the name; who the relative is (oneself, not
 * insured, bound elsewhere, the reverse binding) marks the ID number; the relation marks the
 * chips. Refusals about the inviter's own account mark no field.
 */
const FIELD_OF: Partial<Record<AppErrorCode, FormFieldName>> = {
  IDENTITY_MISMATCH: 'name',
  SELF_BINDING: 'idNumber',
  PERSON_NOT_FOUND: 'idNumber',
  BENEFICIARY_NOT_INSURED: 'idNumber',
  BENEFICIARY_ACCOUNT_ABNORMAL: 'idNumber',
  BENEFICIARY_ALREADY_BOUND: 'idNumber',
  REVERSE_BINDING: 'idNumber',
  DUPLICATE_BINDING: 'idNumber',
  INVITATION_ALREADY_PENDING: 'idNumber',
  NOT_A_MINOR: 'idNumber',
  RELATION_NOT_ALLOWED: 'relation',
  MINOR_NEEDS_PARENT: 'relation',
}

export function fieldOf(error: unknown): FormFieldName | null {
  return isApiError(error) ? (FIELD_OF[error.code] ?? null) : null
}
