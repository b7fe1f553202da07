import pg from "pg";
import type { Fault, FaultTiming } from "./fault.js";
import { repeatEvery } from "./repeat-every.js";

/**
 * A fault that, every `everyMs` for `forMs`, terminates every PostgreSQL backend connected to
 * `database` (`pg_terminate_backend`, the app's drivers see 57P01), from a client of its own
 * connected to `serverUrl` (another database on the same server).
 *
 * @example
 * ```ts
 * const fault = terminatePostgresBackends(serverUrl, "axor_test_x1y2", { everyMs: 250, forMs: 4_000 });
 * const { summary, hits } = await fault();
 * ```
 */
export function terminatePostgresBackends(
  serverUrl: string,
  database: string,
  timing: FaultTiming,
): Fault {
  return async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    admin.on("error", () => {}); // its own connection is not the one under test
    await admin.connect();
    try {
      const report = await repeatEvery(timing.everyMs, timing.forMs, async () => {
        const result = await admin.query(
          "select pg_terminate_backend(pid) as terminated from pg_stat_activity" +
            " where datname = $1 and pid <> pg_backend_pid()",
          [database],
        );
        return result.rows.filter((row) => row.terminated === true).length;
      });
      const failed = report.errors.length > 0 ? `, ${report.errors.length} rounds failed` : "";
      return {
        summary: `terminated ${report.total} backends in ${report.rounds} rounds${failed}`,
        hits: report.total,
      };
    } finally {
      await admin.end();
    }
  };
}
