import { fail, ok, type Result, type CounterPreSettlement, type PreSettlementResult } from '@family-share/shared';
import { type PlatformDeps } from '../deps';
import { institutionRef } from '../institutions';
import type { AccountFacts } from '../store/platform-store';
import { makePlan, toCounterSplit, type SettleCommand } from './settle';

/**
 * R22, pre-settlement (预结算, national 2101 / 2206): the split a settlement would take at this
 * moment — the same plan (R11–R14, R21) on the same balances, each account limited as its
 * debit would be (R13) — and nothing else. It only reads: no id is claimed, no journal, no
 * debit, no ledger entry, no notice, no pending operation. A settlement a moment later may
 * differ, because balances and bindings may change meanwhile; the settlement decides.
 */
export async function preSettle(deps: PlatformDeps, command: Omit<SettleCommand, 'settlementId'>): Promise<Result<PreSettlementResult>> {
  const { store } = deps;
  const institution = await store.institution(command.institutionCode);
  if (!institution) return fail('INSTITUTION_UNKNOWN');
  const payer = await store.getPerson(command.cardHolder);
  if (!payer) return fail('PERSON_NOT_FOUND');
  if (payer.insurance === null || payer.status !== 'active') return fail('PAYER_NOT_INSURED');

  const known = new Map<string, AccountFacts>([[payer.psnNo, payer]]);
  const { plan, sources } = await makePlan(deps, command, institution, payer, deps.clock(), known);
  let remaining = command.charge;
  let own = 0;
  const shared: PreSettlementResult['shared'] = [];
  for (const source of sources) {
    const take = Math.min(remaining, source.available);
    if (take === 0) continue;
    remaining -= take;
    if (source.kind === 'own') own = take;
    else shared.push({ authorizerId: source.authorizerId ?? '', authorizerName: known.get(source.authorizerId ?? '')?.name ?? '', amount: take });
  }
  return ok({
    preview: true,
    cardHolderId: payer.psnNo,
    charge: command.charge,
    own,
    ownBalanceAfter: payer.insurance === 'employee' ? payer.balance - own : null,
    shared,
    cash: remaining,
    institution: institutionRef(institution),
    noSharingReason: plan.noSharingReason ?? null,
  });
}

/** The counter's answer to a pre-settlement (2101 / 2206): amounts and masked names only. */
export function toCounterPreSettlement(result: PreSettlementResult): CounterPreSettlement {
  return {
    preview: true,
    institutionCode: result.institution.code,
    charge: result.charge,
    noSharingReason: result.noSharingReason ?? null,
    ...toCounterSplit(result),
  };
}
