import { testServerUrl } from "@axor/testing";
import { describe } from "vitest";
import { describeFaultRuns } from "../support/describe-fault-runs.js";
import { FAULT_EVERY_MS, FAULT_RUN_PLAN } from "../support/fault-plan.js";
import { killMariadbConnections } from "../support/kill-mariadb-connections.js";

/** Where the scratch databases are made; unset: skipped visibly (a failure in CI). */
const MYSQL_URL = testServerUrl("AXOR_TEST_MYSQL_URL", "MariaDB fault-injection");

/** How long each run kills the app's connections (every 250 ms). */
const FAULT_WINDOW_MS = 4_000;

describe.skipIf(!MYSQL_URL)(
  "MariaDB connections killed under load (set AXOR_TEST_MYSQL_URL to run)",
  () => {
    describeFaultRuns({
      examples: ["express", "fastify", "hono"],
      runsPerExample: 1,
      serverUrl: () => MYSQL_URL ?? "",
      fault: (serverUrl, database) =>
        killMariadbConnections(serverUrl, database.name, {
          everyMs: FAULT_EVERY_MS,
          forMs: FAULT_WINDOW_MS,
        }),
      plan: FAULT_RUN_PLAN,
      timeoutMs: 60_000,
    });
  },
);
