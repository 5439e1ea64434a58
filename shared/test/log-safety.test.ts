import { describe, expect, it } from 'vitest';
import { composeIdNumber, redactIdNumbers, safeError } from '../src';

const ID = composeIdNumber('540102', '1985-03-12', 131);

describe('issue 9 item 5: what a log line may show of an error', () => {
  it('when a Redis reply error carries its command, then only type, message, stack and code are kept', () => {
    const error = Object.assign(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'), {
      command: { name: 'hsetnx', args: ['plat:psn-index', ID, 'P0123456789ABCDEF'] },
      previousErrors: [{ args: [ID] }],
      code: 'WRONGTYPE',
    });
    const shown = safeError(error);
    expect(Object.keys(shown).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(JSON.stringify(shown)).not.toContain(ID);
  });

  it('when an HTTP client error has a cause and quotes an ID number, then the number is censored at every level', () => {
    const error = new Error(`request failed for ${ID}`, { cause: Object.assign(new Error(`body {p:${ID}}abc`), { status: 502, body: { idNumber: ID } }) });
    const shown = safeError(error);
    expect(shown.message).toBe('request failed for [redacted]');
    expect(shown.cause?.status).toBe(502);
    expect(JSON.stringify(shown)).not.toContain(ID);
    expect(redactIdNumbers(`${ID}0`)).toBe(`${ID}0`); // a longer run of digits is not an ID number
  });

  it('when something that is not an Error is thrown, then it is described without its content', () => {
    expect(safeError({ idNumber: ID })).toEqual({ type: 'object', message: 'non-error thrown' });
  });
});
