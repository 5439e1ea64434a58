import { call } from './http'

export const listClaims = () => call('claims')
