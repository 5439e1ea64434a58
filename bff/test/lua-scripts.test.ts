/**
 * Issue 13.5, the house style of the BFF's Lua scripts (as the mocks'): a header naming each
 * KEYS[i] and ARGV[i], and locals at the top that give them names, so that the body reads by
 * name and a positional argument is never read in the middle of a script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../src/adapters/redis/lua');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.lua'));

/** The numbers listed in a header line "-- KEYS: 1 …, 2 …" (ARGV may continue on "--   " lines). */
function declared(source: string, what: 'KEYS' | 'ARGV'): number[] {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`-- ${what}: `));
  if (start < 0) return [];
  let text = lines[start]!.slice(`-- ${what}: `.length);
  for (let i = start + 1; i < lines.length && /^-- {3,}/.test(lines[i]!); i += 1) text += `, ${lines[i]!.replace(/^--\s+/, '')}`;
  return [...text.matchAll(/(?:^|, )(\d+) /g)].map((m) => Number(m[1]));
}

describe('issue 13.5: the BFF scripts name their arguments', () => {
  it('when the scripts are listed, then there are the six the stores load', () => {
    expect(scripts.sort()).toEqual(['consume-ticket.lua', 'count-since.lua', 'home-reads.lua', 'idempotency-begin.lua', 'rotate-refresh.lua', 'transition-invitation.lua']);
  });

  it.each(scripts)('when %s is read, then its header names every KEYS[i] and ARGV[i] it uses, and only the locals at its top read them', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const body = source.split('\n').filter((l) => !l.startsWith('--'));
    const firstCode = body.findIndex((l) => l.trim() !== '' && !l.startsWith('local '));
    for (const what of ['KEYS', 'ARGV'] as const) {
      const used = [...new Set([...source.matchAll(new RegExp(`${what}\\[(\\d+)\\]`, 'g'))].map((m) => Number(m[1])))].sort();
      expect(declared(source, what), `${file}: the ${what} header`).toEqual(used);
      body.forEach((line, i) => {
        if (line.includes(`${what}[`)) expect(i < firstCode && line.startsWith('local '), `${file}: "${line.trim()}" reads ${what} outside the locals at the top`).toBe(true);
      });
    }
  });
});
