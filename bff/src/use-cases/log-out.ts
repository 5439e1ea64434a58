import type { BffDeps, Caller } from '../deps';

export async function logOut(deps: BffDeps, caller: Caller): Promise<void> {
  await deps.sessions.revoke(caller.openid, caller.sid);
}
