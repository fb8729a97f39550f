/**
 * A small closed-loop load generator: `concurrency` workers each send one request at a time for
 * `durationMs`. Enough to compare endpoints against a baseline measured the same way.
 */
export interface LoadResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(
  send: (worker: number, iteration: number) => Promise<Response>,
  { concurrency, durationMs }: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        const sent = performance.now();
        const response = await send(worker, iteration);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (!response.ok) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, failures, perSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) };
}
