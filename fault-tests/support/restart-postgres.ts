import { setTimeout as sleep } from "node:timers/promises";
import type { Fault } from "./fault.js";
import type { PrivatePostgresCluster } from "./private-postgres-cluster.js";

/** When the server goes down, and for how long. */
export interface RestartTiming {
  /** Load before the stop. */
  afterMs: number;
  /** How long the server stays down. */
  downMs: number;
}

/**
 * A fault that, after `afterMs`, stops `cluster` with `pg_ctl stop -m immediate`, keeps it down
 * for `downMs`, and starts it again; it resolves when `pg_ctl start -w` returns, so the app's
 * recovery is measured from the moment the server accepts connections.
 *
 * @example
 * ```ts
 * const fault = restartPostgres(cluster, { afterMs: 1_000, downMs: 3_000 });
 * const { summary } = await fault(); // "stopped the server for 3000 ms, ..."
 * ```
 */
export function restartPostgres(cluster: PrivatePostgresCluster, timing: RestartTiming): Fault {
  return async () => {
    await sleep(timing.afterMs);
    await cluster.stopImmediately();
    await sleep(timing.downMs);
    const startAt = performance.now();
    await cluster.start();
    const startMs = Math.round(performance.now() - startAt);
    return {
      summary: `stopped the server (immediate) for ${timing.downMs} ms; pg_ctl start took ${startMs} ms`,
      hits: 1,
    };
  };
}
