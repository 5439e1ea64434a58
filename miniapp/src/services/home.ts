import { call } from './http'

export const getHome = () => call('home')
