import mysql from "mysql2/promise";
import type { Fault, FaultTiming } from "./fault.js";
import { repeatEvery } from "./repeat-every.js";

/**
 * A fault that, every `everyMs` for `forMs`, `KILL`s every MariaDB/MySQL connection whose
 * current database is `database`, from a connection of its own to `serverUrl` (never killing
 * itself). A connection that ended between the listing and its `KILL` is not counted.
 *
 * @example
 * ```ts
 * const fault = killMariadbConnections(serverUrl, "axor_test_x1y2", { everyMs: 250, forMs: 4_000 });
 * const { summary, hits } = await fault();
 * ```
 */
export function killMariadbConnections(
  serverUrl: string,
  database: string,
  timing: FaultTiming,
): Fault {
  return async () => {
    const admin = await mysql.createConnection({ uri: serverUrl.replace(/^mariadb:/, "mysql:") });
    admin.on("error", () => {}); // its own connection is not the one under test
    try {
      const report = await repeatEvery(timing.everyMs, timing.forMs, async () => {
        const [rows] = await admin.query<mysql.RowDataPacket[]>(
          "select id from information_schema.processlist where db = ? and id <> connection_id()",
          [database],
        );
        let killed = 0;
        for (const { id } of rows) {
          try {
            await admin.query(`KILL ${Number(id)}`);
            killed += 1;
          } catch {
            // ER_NO_SUCH_THREAD: it ended on its own meanwhile
          }
        }
        return killed;
      });
      const failed = report.errors.length > 0 ? `, ${report.errors.length} rounds failed` : "";
      return {
        summary: `killed ${report.total} connections in ${report.rounds} rounds${failed}`,
        hits: report.total,
      };
    } finally {
      await admin.end();
    }
  };
}
