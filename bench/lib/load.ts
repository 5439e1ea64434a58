/** autocannon runs: a short warm-up that is thrown away, then the measured run. */
import { readFileSync } from 'node:fs';
import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon';

export interface LoadResult {
  rps: number;
  /** CPU time per request of each watched process during the measured run (µs), when known. */
  cpuPerRequestUs: Record<string, number>;
  p99_ms: number;
  p50_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export const CONNECTIONS = 50;

/** CPU time (user + system) of a process so far, in µs, from /proc (Linux); null elsewhere. */
export function cpuTimeUs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime in clock ticks (100 Hz)
    return Number.isFinite(ticks) ? ticks * 10_000 : null;
  } catch {
    return null;
  }
}

export async function load(
  options: Omit<AutocannonOptions, 'connections' | 'duration'>,
  durationS: number,
  warmupS: number,
  watch: Record<string, number | undefined> = {},
  connections: number = CONNECTIONS,
): Promise<LoadResult> {
  if (warmupS > 0) await autocannon({ ...options, connections, duration: warmupS });
  const before = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, cpuTimeUs(pid)]));
  const result: AutocannonResult = await autocannon({ ...options, connections, duration: durationS, timeout: 10 });
  const cpuPerRequestUs: Record<string, number> = {};
  for (const [name, pid] of Object.entries(watch)) {
    const start = before[name];
    const end = cpuTimeUs(pid);
    if (start !== null && start !== undefined && end !== null && result.requests.total > 0) {
      cpuPerRequestUs[name] = Math.round((end - start) / result.requests.total);
    }
  }
  return {
    rps: Math.round(result.requests.average),
    cpuPerRequestUs,
    p99_ms: result.latency.p99,
    p50_ms: result.latency.p50,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** One request at a time: the latency of a single page, in ms, as the median of `count`. */
export async function sequentialP50(urls: Record<string, () => Promise<Response>>, count: number): Promise<Record<string, number>> {
  const names = Object.keys(urls);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < count; i += 1) {
    // Interleaved, so that a noisy moment on the machine hits every series alike.
    for (const name of names) {
      const started = performance.now();
      const response = await urls[name]!();
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
      samples[name]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const sorted = [...samples[n]!].sort((a, b) => a - b);
      return [n, Math.round(sorted[Math.floor(sorted.length / 2)]! * 1000) / 1000];
    }),
  );
}

/** The median run of several, by req/s, with its own latencies; p99 is the median of the runs' p99s. */
export function medianRun(results: readonly LoadResult[]): LoadResult & { runs: number[] } {
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const byRps = [...results].sort((a, b) => a.rps - b.rps);
  const median = byRps[Math.floor(byRps.length / 2)]!;
  return {
    ...median,
    p99_ms: middle(results.map((r) => r.p99_ms)),
    p50_ms: middle(results.map((r) => r.p50_ms)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    runs: results.map((r) => r.rps),
  };
}
