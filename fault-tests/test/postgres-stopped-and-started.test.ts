import { afterAll, beforeAll, describe } from "vitest";
import { describeFaultRuns } from "../support/describe-fault-runs.js";
import { FAULT_RUN_PLAN } from "../support/fault-plan.js";
import { findPostgresTools } from "../support/postgres-tools.js";
import {
  createPrivatePostgresCluster,
  type PrivatePostgresCluster,
} from "../support/private-postgres-cluster.js";
import { restartPostgres } from "../support/restart-postgres.js";

/** initdb, pg_ctl (and runuser when root), or why this machine lacks them. */
const tools = await findPostgresTools();
const missing = typeof tools === "string" ? tools : undefined;
if (missing && process.env.CI) {
  throw new Error(`The PostgreSQL stop-and-start suite may not be skipped in CI: ${missing}.`);
}
if (missing) console.warn(`Skipping the PostgreSQL stop-and-start suite: ${missing}.`);

describe.skipIf(missing !== undefined)(
  `PostgreSQL stopped (immediate) and started again under load, on a private cluster${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    let cluster: PrivatePostgresCluster | undefined;
    beforeAll(async () => {
      if (typeof tools !== "string") cluster = await createPrivatePostgresCluster(tools);
    });
    afterAll(async () => {
      await cluster?.remove();
    });
    const running = () => {
      if (!cluster) throw new Error("the private PostgreSQL cluster did not start");
      return cluster;
    };

    describeFaultRuns({
      examples: ["express", "fastify", "hono"],
      runsPerExample: 1,
      serverUrl: () => running().url,
      fault: () => restartPostgres(running(), { afterMs: 1_000, downMs: 3_000 }),
      plan: FAULT_RUN_PLAN,
      timeoutMs: 60_000,
    });
  },
);
