import { fail, ok, type Result, type Binding, type BindingView, type BffPreferencesRequestSchema } from '@family-share/shared';
import type { z } from 'zod';
import type { BffDeps, Caller } from '../deps';
import { bindingView, policySummary, requirePerson } from './views';

/** Whom I share with, who shares with me (in my R14 order), and my R11 choice. */
export async function listBindings(deps: BffDeps, caller: Caller) {
  const me = requirePerson(caller);
  const [bindings, person] = await Promise.all([deps.platform.bindings(me), deps.platform.person(me)]);
  return {
    asAuthorizer: bindings.asAuthorizer.map((b) => bindingView(b, me)),
    asBeneficiary: bindings.asBeneficiary.map((b) => bindingView(b, me)),
    accountChoice: person.ok ? person.value.accountChoice : ('own' as const),
    policy: policySummary(deps.config.policy),
  };
}

/** R6/R7: either side ends a binding with a fresh face verification for exactly this binding. */
export async function endBinding(deps: BffDeps, caller: Caller, bindingId: string, faceTicket: string | undefined): Promise<Result<BindingView>> {
  const me = requirePerson(caller);
  if (!faceTicket) return fail('FACE_VERIFICATION_REQUIRED');
  if (!(await deps.faces.consumeTicket(caller.openid, faceTicket, 'unbind', bindingId))) return fail('FACE_TICKET_INVALID');
  const ended = await deps.platform.endBinding(bindingId, me, true);
  return ended.ok ? ok(bindingView(ended.value, me)) : fail(ended.code);
}

/** R11 the saved account choice; R14 the order of my authorizers, named by their bindings. */
export async function setPreferences(
  deps: BffDeps,
  caller: Caller,
  request: z.infer<typeof BffPreferencesRequestSchema>,
): Promise<Result<{ accountChoice: 'own' | 'authorizer'; authorizerOrder: string[] }>> {
  const me = requirePerson(caller);
  const bindings = await deps.platform.bindings(me);
  const active = bindings.asBeneficiary.filter((b) => b.status === 'active');
  let authorizerOrder: string[] | undefined;
  if (request.authorizerOrder) {
    authorizerOrder = [];
    for (const bindingId of request.authorizerOrder) {
      const binding = active.find((b) => b.bindingId === bindingId);
      if (!binding) return fail('BINDING_NOT_FOUND');
      authorizerOrder.push(binding.authorizerId);
    }
  }
  const result = await deps.platform.setPreferences(me, { accountChoice: request.accountChoice, authorizerOrder });
  if (!result.ok) return fail(result.code);
  const byAuthorizer = new Map(active.map((b) => [b.authorizerId, b.bindingId]));
  return ok({
    accountChoice: result.value.accountChoice,
    authorizerOrder: result.value.authorizerOrder.map((id) => byAuthorizer.get(id) ?? '').filter(Boolean),
  });
}

/**
 * A binding just created, as my listing shows it: the creation answer lacks what only the
 * listing knows (my R14 rank, the relative's insurance).
 */
export async function listedBindingView(deps: BffDeps, me: string, created: Binding): Promise<BindingView> {
  const bindings = await deps.platform.bindings(me);
  const listed = [...bindings.asAuthorizer, ...bindings.asBeneficiary].find((b) => b.bindingId === created.bindingId);
  return bindingView(listed ?? created, me);
}

