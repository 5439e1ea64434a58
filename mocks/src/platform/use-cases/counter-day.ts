import { maskName, type CounterSettlementView, type SettlementResult, fail, ok, type Result } from '@family-share/shared';
import { type PlatformDeps } from '../deps';
import { REVERSED_OWNER } from '../store/platform-store';
import { ownerHolder } from './cancel-settlement';
import { toCounterSettlement } from './settle';

/** A settlement as the institution that made it may read it back (R23: only that one). */
export async function counterSettlement(deps: PlatformDeps, institutionCode: string, settlementId: string): Promise<Result<CounterSettlementView>> {
  const owner = await deps.store.operationOwner('stl', settlementId);
  if (owner === null || owner === REVERSED_OWNER) return fail('SETTLEMENT_NOT_FOUND');
  return view(deps, institutionCode, settlementId, ownerHolder(owner));
}

/** One institution's settlements of one China day, newest first (the demo counter page). */
export async function counterDay(deps: PlatformDeps, institutionCode: string, date: string): Promise<CounterSettlementView[]> {
  const entries = await deps.store.counterDay(institutionCode, date);
  const views = await Promise.all(entries.map((e) => view(deps, institutionCode, e.settlementId, e.cardHolder)));
  return views.flatMap((v) => (v.ok ? [v.value] : [])).sort((x, y) => y.at - x.at);
}

async function view(deps: PlatformDeps, institutionCode: string, settlementId: string, cardHolder: string): Promise<Result<CounterSettlementView>> {
  const journal = await deps.store.settlementJournal(cardHolder, settlementId);
  if (!journal.inst || !journal.result) return fail('SETTLEMENT_NOT_FOUND');
  if (journal.inst !== institutionCode) return fail('INSTITUTION_MISMATCH');
  const cancellation = journal.cnl ? await deps.store.cancellationJournal(cardHolder, journal.cnl) : null;
  const status = journal.status === 'reversed' || journal.status === 'reversing' ? 'reversed' : cancellation ? 'cancelled' : journal.status === 'done' ? 'settled' : 'pending';
  const person = await deps.store.getPerson(cardHolder);
  return ok({
    ...toCounterSettlement(JSON.parse(journal.result) as SettlementResult),
    status,
    cancellationId: journal.cnl ?? null,
    // The institution read this number from the card itself (psn_no at the counter).
    cardHolderIdNumber: person?.idNumber ?? '',
    maskedCardHolder: maskName(person?.name ?? ''),
  });
}
