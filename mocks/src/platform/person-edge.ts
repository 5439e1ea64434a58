import { AppError } from '@family-share/shared/server-kit';
import type { PlatformStore } from './store/platform-store';

/**
 * An ID number a counter or an administrator supplied, resolved at the platform's edge (the
 * national 1101 lookup): everything behind this line knows the person number only, and no
 * key, id or log line carries the ID number (issue 9 item 5).
 */
export async function psnNoAtEdge(store: PlatformStore, idNumber: string): Promise<string> {
  const psnNo = await store.psnNoOf(idNumber);
  if (!psnNo) throw new AppError('PERSON_NOT_FOUND');
  return psnNo;
}

/** A counter request (card holder by the ID number read from the card) as a settle command. */
export async function counterCommand<T extends { cardHolderIdNumber: string }>(
  store: PlatformStore,
  request: T,
): Promise<Omit<T, 'cardHolderIdNumber'> & { cardHolder: string }> {
  const { cardHolderIdNumber, ...rest } = request;
  return { ...rest, cardHolder: await psnNoAtEdge(store, cardHolderIdNumber) };
}
