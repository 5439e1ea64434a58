import { call } from './http'

/** 付款预估 (R22): the institutions to choose from, and how an amount would be split now. */
export const listEstimateInstitutions = () => call('estimateInstitutions')

export const estimatePayment = (body: { amount: string; institutionCode?: string }) => call('paymentEstimate', { body })
