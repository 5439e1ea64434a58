import { fail, ok, type Result, type PreferencesRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import { type PlatformDeps } from '../deps';

/** R11 the saved account choice; R14 the order of authorizers (each active one, once). */
export async function setPreferences(
  deps: PlatformDeps,
  personId: string,
  request: z.infer<typeof PreferencesRequestSchema>,
): Promise<Result<{ accountChoice: 'own' | 'authorizer'; authorizerOrder: string[] }>> {
  const { store } = deps;
  const person = await store.getPerson(personId);
  if (!person) return fail('PERSON_NOT_FOUND');
  if (request.authorizerOrder) {
    const reply = await store.reorderAuthorizers(personId, request.authorizerOrder);
    if (reply[0] !== 'OK') return fail('ORDER_MISMATCH');
  }
  if (request.accountChoice) await store.setAccountChoice(personId, request.accountChoice);
  const order = await store.authorizersOf(personId);
  return ok({
    accountChoice: request.accountChoice ?? person.accountChoice,
    authorizerOrder: order.map((e) => e.authorizerId),
  });
}
