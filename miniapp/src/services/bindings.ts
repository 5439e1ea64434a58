import { call } from './http'

export const listBindings = () => call('listBindings')

export const endBinding = (bindingId: string, faceTicket: string) => call('endBinding', { params: { bindingId }, body: { faceTicket } })

export const setAccountChoice = (accountChoice: 'own' | 'authorizer') => call('setPreferences', { body: { accountChoice } })

export const setAuthorizerOrder = (authorizerOrder: string[]) => call('setPreferences', { body: { authorizerOrder } })
