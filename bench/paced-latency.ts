import { Agent, request } from "node:http";

/**
 * Sends `GET url` at a steady `perSecond` for `seconds` over a few keep-alive sockets and
 * returns every answer's latency in milliseconds, measured from when it was due, so a stalled
 * server shows as late answers (no coordinated omission). Any non-200 answer throws.
 */
export async function pacedLatencies(
  url: string,
  headers: Record<string, string>,
  perSecond: number,
  seconds: number,
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const latencies: number[] = [];
  const total = Math.round(perSecond * seconds);
  const intervalMs = 1000 / perSecond;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      new Promise<void>((resolve, reject) => {
        const sent = request(url, { agent, headers }, (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode !== 200)
              reject(new Error(`${url} answered ${response.statusCode}`));
            latencies.push(performance.now() - due);
            resolve();
          });
        });
        sent.on("error", reject);
        sent.end();
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return latencies;
}

/** The `fraction` quantile (0.99 for p99) of `values`. */
export function quantile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
