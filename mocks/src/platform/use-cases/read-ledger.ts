import type { PremiumStatus } from '@family-share/shared';
import type { PlatformDeps } from '../deps';

/** R16: monthly totals of deductions from a person's account, for one year, by beneficiary. */
export async function monthlyTotals(deps: PlatformDeps, personId: string, year: number) {
  const raw = await deps.store.monthlyTotals(personId);
  const months = new Map<string, { month: string; total: number; byBeneficiary: Record<string, number> }>();
  for (const [field, fen] of Object.entries(raw)) {
    const [month = '', beneficiary] = field.split('|');
    if (!month.startsWith(`${year}-`)) continue;
    const row = months.get(month) ?? { month, total: 0, byBeneficiary: {} };
    if (beneficiary) row.byBeneficiary[beneficiary] = fen;
    else row.total = fen;
    months.set(month, row);
  }
  return { year, months: [...months.values()].sort((x, y) => (x.month < y.month ? -1 : 1)) };
}

/** R15: what a person owes for a year and whether it is paid. */
export async function premiumStatus(deps: PlatformDeps, personId: string, year: number): Promise<PremiumStatus | null> {
  const [person, table, record] = await Promise.all([
    deps.store.getPerson(personId),
    deps.store.premiumTable(),
    deps.store.premiumRecord(personId, year),
  ]);
  if (!person) return null;
  const applicable = person.insurance === 'resident';
  const due = applicable ? (table[String(year)] ?? null) : null;
  const status = !applicable ? 'not_applicable' : record?.status === 'paid' ? 'paid' : record?.status === 'pending' ? 'pending' : 'unpaid';
  return {
    psnNo: personId,
    year,
    amountDue: due,
    demoAmount: true,
    status,
    paidBy: record?.status === 'paid' ? (record.payerId ?? null) : null,
    paidAt: record?.status === 'paid' ? Number(record.at) : null,
    paymentId: record?.status === 'paid' ? (record.paymentId ?? null) : null,
    paidAmount: record?.status === 'paid' && record.amount !== undefined ? Number(record.amount) : null,
    balanceAfter: record?.status === 'paid' && record.balanceAfter !== undefined ? Number(record.balanceAfter) : null,
  };
}
