import type { CounterCancellation, CounterPreSettlement, CounterReversal, CounterSettlement, Deduction, PaymentRecord } from '@family-share/shared';
import { nextId, type Harness } from './harness';

/** The counter's calls and the books, for the tests of R21–R24. */
export function counterClient(h: Harness) {
  const post = <T>(path: string, body: unknown) => h.api<T>('POST', `/v1/counter/${path}`, body);
  return {
    settle: (holder: string, charge: number, at = 'P54010001', extra: Record<string, unknown> = {}) =>
      post<CounterSettlement>('settlements', { settlementId: nextId('CS'), cardHolderIdNumber: holder, charge, institutionCode: at, ...extra }),
    preview: (holder: string, charge: number, at = 'P54010001', extra: Record<string, unknown> = {}) =>
      post<CounterPreSettlement>('pre-settlements', { cardHolderIdNumber: holder, charge, institutionCode: at, ...extra }),
    cancel: (settlementId: string, at = 'P54010001', cancellationId = nextId('CX')) =>
      post<CounterCancellation>('cancellations', { cancellationId, settlementId, institutionCode: at }),
    reverse: (originalRequestId: string, at = 'P54010001', originalKind?: 'settlement' | 'cancellation') =>
      post<CounterReversal>('reversals', { originalRequestId, institutionCode: at, ...(originalKind ? { originalKind } : {}) }),
    balance: async (id: string) => (await h.api<{ balance: number }>('GET', `/v1/persons/${await h.psn(id)}`)).body.balance,
    /** Every ledger entry of an account, with its marks, oldest first (through the API). */
    ledger: async (id: string) => {
      const items: Deduction[] = [];
      let cursor: string | null = null;
      do {
        const q: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
        const page: { body: { items: Deduction[]; nextCursor: string | null } } = await h.api('GET', `/v1/persons/${await h.psn(id)}/deductions${q}`);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items.reverse();
    },
    payments: async (id: string) => (await h.api<{ items: PaymentRecord[] }>('GET', `/v1/persons/${await h.psn(id)}/payments?limit=100`)).body.items,
    feedKinds: async (id: string) => (await h.api<{ items: Array<{ kind: string; data: Record<string, unknown> }> }>('GET', `/v1/persons/${await h.psn(id)}/feed?limit=100`)).body.items,
  };
}

export const codeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

/** What an entry does to the balance: out for settlements, premiums and taken-back refunds, in for refunds. */
export const signed = (d: Pick<Deduction, 'kind' | 'amount'>) => (d.kind === 'refund' ? d.amount : -d.amount);
