import { maskName, type Binding, type DeductionView, type PaymentView, fail, ok, type Result } from '@family-share/shared';
import type { BffDeps, Caller } from '../deps';
import { refundMarks, requirePerson } from './views';

interface HistoryQuery {
  cursor?: string | undefined;
  limit: number;
  relative?: string | undefined;
  month?: string | undefined;
}

/** The latest binding with each relative, to name them (masked) in my history. */
function latestByPerson(bindings: Binding[], key: 'beneficiaryId' | 'authorizerId'): Map<string, Binding> {
  const map = new Map<string, Binding>();
  for (const b of [...bindings].sort((x, y) => x.createdAt - y.createdAt)) map.set(b[key], b);
  return map;
}

/**
 * R16, the authorizer's side: every deduction from my account — mine and my relatives' —
 * newest first, by cursor, filtered by relative (a binding of mine, or 'self') and month.
 * R23/R24: a refund is a row of its own (kind 'refund', money back) linked both ways to the
 * settlement it undoes, which is marked cancelled; the platform's monthly totals are net of it.
 */
export async function listDeductions(deps: BffDeps, caller: Caller, query: HistoryQuery): Promise<Result<{ items: DeductionView[]; nextCursor: string | null }>> {
  const me = requirePerson(caller);
  const bindings = await deps.platform.bindings(me);
  let beneficiary: string | undefined;
  if (query.relative === 'self') beneficiary = me;
  else if (query.relative) {
    const binding = bindings.asAuthorizer.find((b) => b.bindingId === query.relative);
    if (!binding) return fail('BINDING_NOT_FOUND');
    beneficiary = binding.beneficiaryId;
  }
  const page = await deps.platform.deductions(me, { cursor: query.cursor, limit: query.limit, beneficiary, month: query.month });
  const relatives = latestByPerson(bindings.asAuthorizer, 'beneficiaryId');
  return ok({
    nextCursor: page.nextCursor,
    items: page.items.map((d) => {
      const self = d.beneficiaryId === me;
      const binding = relatives.get(d.beneficiaryId);
      return {
        seq: d.seq,
        operationId: d.operationId,
        kind: d.kind,
        at: d.at,
        amount: d.amount,
        balanceAfter: d.balanceAfter,
        institution: d.institution ? { name: d.institution.name, kind: d.institution.kind } : null,
        year: d.year,
        spender: {
          self,
          maskedName: self ? '本人' : maskName(d.beneficiaryName),
          bindingId: self ? null : (binding?.bindingId ?? null),
          relation: self ? null : (binding?.relation ?? null),
        },
        ...refundMarks(d),
      };
    }),
  });
}

/**
 * R16, the beneficiary's side: my payments at the counter and how each was split; a
 * cancellation or reversal is its own record (kind 'refund': what went back to which account,
 * and the cash due back at the counter), linked both ways to the payment it undoes.
 */
export async function listPayments(deps: BffDeps, caller: Caller, query: HistoryQuery): Promise<{ items: PaymentView[]; nextCursor: string | null }> {
  const me = requirePerson(caller);
  const [bindings, page] = await Promise.all([
    deps.platform.bindings(me),
    deps.platform.payments(me, { cursor: query.cursor, limit: query.limit, month: query.month }),
  ]);
  const authorizers = latestByPerson(bindings.asBeneficiary, 'authorizerId');
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((p) => ({
      seq: p.seq,
      settlementId: p.settlementId,
      at: p.at,
      institution: { name: p.institution.name, kind: p.institution.kind },
      charge: p.charge,
      own: p.own,
      cash: p.cash,
      shared: p.shared.map((s) => ({
        maskedName: maskName(s.authorizerName),
        bindingId: authorizers.get(s.authorizerId)?.bindingId ?? null,
        amount: s.amount,
      })),
      ...(p.kind ? { kind: p.kind } : {}),
      ...refundMarks({ ...p, refundOf: p.kind === 'refund' ? p.settlementId : undefined }),
    })),
  };
}

/** Monthly totals of deductions from my account for a year, split by who spent (the chart). */
export async function monthlyTotals(deps: BffDeps, caller: Caller, year: number) {
  const me = requirePerson(caller);
  const [bindings, totals] = await Promise.all([deps.platform.bindings(me), deps.platform.monthly(me, year)]);
  const relatives = latestByPerson(bindings.asAuthorizer, 'beneficiaryId');
  return {
    year: totals.year,
    months: totals.months.map((m) => ({
      month: m.month,
      total: m.total,
      byRelative: Object.entries(m.byBeneficiary).map(([id, amount]) => {
        const binding = relatives.get(id);
        const self = id === me;
        return {
          self,
          bindingId: self ? null : (binding?.bindingId ?? null),
          maskedName: self ? '本人' : binding ? maskName(binding.beneficiaryName) : '家庭成员',
          amount,
        };
      }),
    })),
  };
}
