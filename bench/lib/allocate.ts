/**
 * allocatePayment in a tight loop over varied inputs (employee and resident payers, 0–5
 * authorizers, balances around the 3000-yuan floor, both account choices), in process.
 */
import { allocatePayment, NGARI_2025, TIBET_2022, type AllocatePaymentInput, type Policy } from '@family-share/shared';

function inputs(count: number): Array<{ input: AllocatePaymentInput; policy: Policy }> {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const fen = (max: number) => Math.floor(random() * max);
  const out: Array<{ input: AllocatePaymentInput; policy: Policy }> = [];
  for (let i = 0; i < count; i += 1) {
    const several = random() < 0.3;
    const authorizers = Array.from({ length: several ? 1 + fen(5) : fen(2) }, (_, k) => ({ id: `A${k}`, balance: 250_000 + fen(400_000) }));
    out.push({
      input: {
        charge: fen(60_000),
        payer: random() < 0.5 ? { insurance: 'employee', balance: fen(80_000) } : { insurance: 'resident', balance: 0 },
        authorizers,
        ...(random() < 0.3 ? { choice: random() < 0.5 ? ('own' as const) : ('authorizer' as const) } : {}),
      },
      policy: several ? NGARI_2025 : TIBET_2022,
    });
  }
  return out;
}

/** Calls per second, the median of `rounds` timed rounds of about `roundMs` each. */
export function allocatePerSecond(rounds = 5, roundMs = 300): { perSecond: number; rounds: number[] } {
  const cases = inputs(4096);
  let sink = 0;
  const rates: number[] = [];
  // Warm up so that the optimising compiler has seen the function.
  for (let i = 0; i < 200_000; i += 1) sink += allocatePayment(cases[i & 4095]!.input, cases[i & 4095]!.policy).cash;
  for (let r = 0; r < rounds; r += 1) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let i = 0; i < 10_000; i += 1) {
        const c = cases[(calls + i) & 4095]!;
        sink += allocatePayment(c.input, c.policy).cash;
      }
      calls += 10_000;
      elapsed = performance.now() - started;
    }
    rates.push(Math.round((calls / elapsed) * 1000));
  }
  if (sink === -1) console.log('unreachable'); // keeps the results alive
  const sorted = [...rates].sort((a, b) => a - b);
  return { perSecond: sorted[Math.floor(sorted.length / 2)]!, rounds: rates };
}
