import { setTimeout as sleep } from "node:timers/promises";
import type { RunningExample } from "../../test-support/run-example.js";
import { AnswerLog } from "./answer-log.js";
import { type LoadMix, runAuthLoad } from "./auth-load.js";
import type { Fault, FaultReport } from "./fault.js";
import type { SeededUsers } from "./seed-users.js";
import { type ServingCheck, timeUntilServing } from "./time-until-serving.js";

/** The shape of one run: the load's mix, and its timing around the fault. */
export interface FaultRunPlan {
  mix: LoadMix;
  /** How long the load goes on after the fault ended (the recovery is checked under load). */
  loadAfterFaultMs: number;
  /** How soon after the fault `me/` must answer 200 again. */
  recoveryDeadlineMs: number;
}

/** What happened in one run. */
export interface FaultRunResult {
  fault: FaultReport;
  answers: AnswerLog;
  /** `me/` from the moment the database was healthy again. */
  recovery: ServingCheck;
  /** False when the app exited during the run (the crash these tests are for). */
  survived: boolean;
  /** Milliseconds from the start of the load to its end. */
  durationMs: number;
}

/**
 * Runs `plan.mix` against `example` while `fault` breaks its database; when the fault is over,
 * checks how soon `me/` serves again (under the continuing load), then lets the load run out
 * and notes whether the process is still alive.
 *
 * @example
 * ```ts
 * const result = await runUnderFault(example, users, fault, {
 *   mix: { me: 12, login: 3, logout: 2 },
 *   loadAfterFaultMs: 1_000,
 *   recoveryDeadlineMs: 1_000,
 * });
 * ```
 */
export async function runUnderFault(
  example: RunningExample,
  users: SeededUsers,
  fault: Fault,
  plan: FaultRunPlan,
): Promise<FaultRunResult> {
  const answers = new AnswerLog();
  const stop = new AbortController();
  const start = performance.now();
  const load = runAuthLoad(
    { origin: example.origin, users, isRunning: example.isRunning, stop: stop.signal },
    plan.mix,
    answers,
  );
  try {
    const report = await fault();
    const faultEnd = performance.now();
    const recovery = await timeUntilServing(
      example.origin,
      users.keys[0] as string,
      plan.recoveryDeadlineMs,
    );
    const rest = plan.loadAfterFaultMs - (performance.now() - faultEnd);
    if (rest > 0 && example.isRunning()) await sleep(rest);
    stop.abort();
    await load;
    return {
      fault: report,
      answers,
      recovery,
      survived: example.isRunning(),
      durationMs: Math.round(performance.now() - start),
    };
  } finally {
    stop.abort();
    await load;
  }
}
