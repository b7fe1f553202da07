import { it } from "vitest";
import { type RunningExample, runExample } from "../../test-support/run-example.js";
import { describeRun, expectFaultSurvived } from "./expect-fault-survived.js";
import type { Fault } from "./fault.js";
import { type FaultRunPlan, runUnderFault } from "./run-under-fault.js";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { seedUsers } from "./seed-users.js";

/** The example apps, by folder name under examples/. */
export type ExampleName = "express" | "fastify" | "hono";

/** A set of fault runs: which apps, how many runs each, on which server, with which fault. */
export interface FaultRuns {
  examples: ExampleName[];
  runsPerExample: number;
  /** The server the run's scratch database is made on; read when a run starts. */
  serverUrl(): string;
  /** The fault for one run, aimed at that run's database. */
  fault(serverUrl: string, database: ScratchDatabase): Fault;
  plan: FaultRunPlan;
  /** Upper bound of one run, start to cleanup. */
  timeoutMs: number;
}

const SECRET = "fault-test-secret-0123456789abcdef0123456789";

/** Accounts seeded per run; the `me/` clients get keys of theirs round-robin. */
const SEEDED_ACCOUNTS = 4;

async function oneRun(name: ExampleName, runs: FaultRuns): Promise<void> {
  const serverUrl = runs.serverUrl();
  const database = await createScratchDatabase(serverUrl);
  let example: RunningExample | undefined;
  try {
    example = await runExample(name, { AXOR_DATABASE: database.url, AXOR_SECRET: SECRET });
    const users = await seedUsers(example.origin, {
      accounts: SEEDED_ACCOUNTS,
      keys: Math.max(1, runs.plan.mix.me),
    });
    const result = await runUnderFault(example, users, runs.fault(serverUrl, database), runs.plan);
    console.log(`examples/${name}: ${describeRun(result)}`);
    expectFaultSurvived(result, example.output());
  } finally {
    // SIGTERM, not SIGKILL: tsx relays it to the app, while a SIGKILL would orphan the app.
    await example?.stop("SIGTERM");
    await database.drop();
  }
}

/**
 * Declares one test per example and run, in the enclosing describe block: each starts the
 * example as a child process on a fresh database, seeds users, runs the load under the fault
 * and asserts the app survived (see `expectFaultSurvived`); it then stops the app (SIGTERM)
 * and drops the database.
 *
 * @example
 * ```ts
 * describe("PostgreSQL backends terminated", () => {
 *   describeFaultRuns({ examples: ["fastify"], runsPerExample: 3, serverUrl: () => url, fault, plan, timeoutMs: 60_000 });
 * });
 * ```
 */
export function describeFaultRuns(runs: FaultRuns): void {
  for (const name of runs.examples) {
    for (let run = 1; run <= runs.runsPerExample; run++) {
      it(
        `examples/${name} stays up and answers only 2xx, 401 or 503 (run ${run} of ${runs.runsPerExample})`,
        () => oneRun(name, runs),
        runs.timeoutMs,
      );
    }
  }
}
