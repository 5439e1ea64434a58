import type { Relation } from '@family-share/shared'
import { call } from './http'

export type InvitationBox = 'sent' | 'received'

export const listInvitations = (box: InvitationBox) => call('listInvitations', { query: { box } })

export const createInvitation = (body: {
  name: string
  idNumber: string
  relation: Relation
  faceTicket: string
  commitmentVersion: string
}) => call('createInvitation', { body })

/** The rule check before the face step (issue 12): refusals come before the scan, not after. */
export const checkInvitation = (body: { name: string; idNumber: string; relation: Relation }) => call('checkInvitation', { body })

export const acceptInvitation = (invitationId: string) => call('acceptInvitation', { params: { invitationId } })
export const rejectInvitation = (invitationId: string) => call('rejectInvitation', { params: { invitationId } })
export const cancelInvitation = (invitationId: string) => call('cancelInvitation', { params: { invitationId } })

/** R18: a parent binds a child under 16 as guardian; no invitation, effective at once. */
export const bindMinor = (body: { childName: string; childIdNumber: string; faceTicket: string; commitmentVersion: string }) =>
  call('bindMinor', { body })

/** 发送给家人: a signed link to my pending invitation (the share card's path; h5: a link to copy). */
export const createInvitationLink = (invitationId: string) => call('invitationLink', { params: { invitationId } })

/** The invitation a shared link names; only its invitee sees it (INVITATION_LINK_INVALID otherwise). */
export const openInvitationLink = (token: string) => call('openInvitationLink', { params: { token } })
