import { PLATFORM_API, type CounterCancellation, type CounterPreSettlement, type CounterReversal, type CounterSettlement, type Deduction } from '@family-share/shared';
import { nextId, type Harness } from './harness';

/** The counter's calls and the books, for the tests of R21–R24. */
export function counterClient(h: Harness) {
  // Bodies stay untyped: the tests send fields the strict counter schemas refuse, on purpose.
  type CounterPost = 'counterSettle' | 'counterPreSettle' | 'cancelSettlement' | 'reverse';
  const post = <T>(name: CounterPost, body: unknown) => h.api<T>('POST', PLATFORM_API[name].path, body);
  return {
    settle: (holder: string, charge: number, at = 'P54010001', extra: Record<string, unknown> = {}) =>
      post<CounterSettlement>('counterSettle', { settlementId: nextId('CS'), cardHolderIdNumber: holder, charge, institutionCode: at, ...extra }),
    preview: (holder: string, charge: number, at = 'P54010001', extra: Record<string, unknown> = {}) =>
      post<CounterPreSettlement>('counterPreSettle', { cardHolderIdNumber: holder, charge, institutionCode: at, ...extra }),
    cancel: (settlementId: string, at = 'P54010001', cancellationId = nextId('CX')) =>
      post<CounterCancellation>('cancelSettlement', { cancellationId, settlementId, institutionCode: at }),
    reverse: (originalRequestId: string, at = 'P54010001', originalKind?: 'settlement' | 'cancellation') =>
      post<CounterReversal>('reverse', { originalRequestId, institutionCode: at, ...(originalKind ? { originalKind } : {}) }),
    balance: async (id: string) => (await h.call('person', { params: { psnNo: await h.psn(id) } })).body.balance,
    /** Every ledger entry of an account, with its marks, oldest first (through the API). */
    ledger: async (id: string) => {
      const items: Deduction[] = [];
      const psnNo = await h.psn(id);
      let cursor: string | null = null;
      do {
        const page: { body: { items: Deduction[]; nextCursor: string | null } } = await h.call('deductions', { params: { psnNo }, query: { limit: 100, cursor: cursor ?? undefined } });
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items.reverse();
    },
    payments: async (id: string) => (await h.call('payments', { params: { psnNo: await h.psn(id) }, query: { limit: 100 } })).body.items,
    feedKinds: async (id: string) => (await h.call('feed', { params: { psnNo: await h.psn(id) }, query: { limit: 100 } })).body.items,
  };
}

export const codeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

/** What an entry does to the balance: out for settlements, premiums and taken-back refunds, in for refunds. */
export const signed = (d: Pick<Deduction, 'kind' | 'amount'>) => (d.kind === 'refund' ? d.amount : -d.amount);

/**
 * A promise and what settles it, for holding a process at a step (it awaits `opened` there)
 * and for learning that it got there. Node 20 has no Promise.withResolvers.
 */
export function latch(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
