import { AppError } from '@family-share/shared/server-kit';
import type { BffDeps } from '../deps';

/** DEMO only: the demo people, so that the h5 build can log in as one of them. */
export async function listDemoPeople(deps: BffDeps) {
  if (!deps.config.demo) throw new AppError('NOT_FOUND');
  const people = await deps.platform.demoPeople();
  return { items: people.map(({ key, name, idNumber, openid, shows }) => ({ key, name, idNumber, openid, shows })) };
}

/** DEMO only: what wx.login() would give a phone of this demo WeChat account. */
export async function demoLoginCode(deps: BffDeps, openid: string) {
  if (!deps.config.demo) throw new AppError('NOT_FOUND');
  const people = await deps.platform.demoPeople();
  if (!people.some((p) => p.openid === openid)) throw new AppError('VALIDATION_FAILED', 'Not a demo account.');
  return { code: await deps.wechat.demoCode(openid) };
}
