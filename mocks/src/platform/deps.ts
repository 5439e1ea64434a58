import type { Policy } from '@family-share/shared';
import type { Logger } from 'pino';
import type { PlatformStore } from './store/platform-store';

/** Tells a person of a change outside the app (R20): the WeChat subscription-message stand-in. */
export interface Notifier {
  notify(personId: string, event: { kind: string; at: number } & Record<string, unknown>): void;
}

export interface PlatformDeps {
  store: PlatformStore;
  policy: Policy;
  /** Epoch milliseconds; injectable so that tests can move time. */
  clock: () => number;
  notifier: Notifier;
  log: Logger;
  /**
   * Tests only: hooks called between the steps of multi-step operations, so that a test can
   * stop one there (throw, as a crash would) and check what is left. Absent in production.
   */
  faults?: FaultHooks;
}

export interface FaultHooks {
  /** Between the claim, the commit and the finish of a binding. */
  atBindingStep?(step: FaultPoint): Promise<void> | void;
  /** After a settlement's claim and its pending-operation entry were confirmed, before its journal. */
  afterSettlementClaim?(settlementId: string): Promise<void> | void;
  /** After the debit of step `index` of a settlement's plan. */
  afterSettlementDebit?(settlementId: string, index: number): Promise<void> | void;
  /** After the refund (or take-back) of step `index` of a cancellation ('cnl:<id>') or a reversal ('rev:<original id>'). */
  afterRefundStep?(operationId: string, index: number): Promise<void> | void;
}

export type FaultPoint = 'binding:claimed' | 'binding:committed' | 'binding:finished';

/** A multi-step operation is handed to the recovery sweeper this long after it began. */
export const RECOVERY_DELAY_MS = 10_000;
/** A claim older than this, whose operation never finished, no longer blocks another. */
export const STALE_CLAIM_MS = 30_000;

/** JSON of an object without its closing brace, for a Lua script to append computed fields. */
export function jsonHead(value: object): string {
  return JSON.stringify(value).slice(0, -1);
}

export const silentNotifier: Notifier = { notify: () => undefined };
