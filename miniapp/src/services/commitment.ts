import { call } from './http'

export const getCommitment = () => call('commitment')
export const acceptCommitment = (version: string) => call('acceptCommitment', { body: { version } })
