import { testServerUrl } from "@axor/testing";
import { describe } from "vitest";
import { describeFaultRuns } from "../support/describe-fault-runs.js";
import { FAULT_EVERY_MS, FAULT_RUN_PLAN } from "../support/fault-plan.js";
import { terminatePostgresBackends } from "../support/terminate-postgres-backends.js";

/** Where the scratch databases are made; unset: skipped visibly (a failure in CI). */
const POSTGRES_URL = testServerUrl("AXOR_TEST_POSTGRES_URL", "PostgreSQL fault-injection");

/** How long each run terminates the app's backends (every 250 ms). */
const FAULT_WINDOW_MS = 4_000;

describe.skipIf(!POSTGRES_URL)(
  "PostgreSQL backends terminated under load (set AXOR_TEST_POSTGRES_URL to run)",
  () => {
    describeFaultRuns({
      examples: ["express", "fastify", "hono"],
      runsPerExample: 2,
      serverUrl: () => POSTGRES_URL ?? "",
      fault: (serverUrl, database) =>
        terminatePostgresBackends(serverUrl, database.name, {
          everyMs: FAULT_EVERY_MS,
          forMs: FAULT_WINDOW_MS,
        }),
      plan: FAULT_RUN_PLAN,
      timeoutMs: 60_000,
    });
  },
);
