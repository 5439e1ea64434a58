import { call } from './http'

export const activateECredential = (body: { name: string; idNumber: string; faceTicket: string }) => call('activate', { body })
