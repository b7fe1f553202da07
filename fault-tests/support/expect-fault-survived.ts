import { expect } from "vitest";
import type { FaultRunResult } from "./run-under-fault.js";

/** How much of the app's output a failure message shows: its end, where a crash's stack is. */
const OUTPUT_TAIL_CHARS = 6_000;

/** The run in a few lines, for the test log. */
export function describeRun(result: FaultRunResult): string {
  const recovery =
    result.recovery.ms === undefined
      ? `not serving again in time (last: ${result.recovery.last})`
      : `serving again after ${result.recovery.ms} ms`;
  return [
    `${result.fault.summary}; ${result.answers.total()} requests in ${result.durationMs} ms; ${recovery}`,
    `answers: ${result.answers.summary()}`,
  ].join("\n");
}

function failureContext(result: FaultRunResult, output: string): string {
  const unexpected = result.answers.unexpected
    .map((answer) => `  +${answer.atMs} ms ${answer.request}: ${answer.why} ${answer.detail}`)
    .join("\n");
  return [
    describeRun(result),
    `unexpected answers (${result.answers.unexpectedCount}, first ${result.answers.unexpected.length}):`,
    unexpected || "  none",
    `the app's output, last ${OUTPUT_TAIL_CHARS} characters:`,
    // Quoted line by line, so the reporter does not take the app's stack for the test's own.
    output
      .slice(-OUTPUT_TAIL_CHARS)
      .split("\n")
      .map((line) => `  | ${line}`)
      .join("\n"),
  ].join("\n");
}

/**
 * Asserts what every fault run must show: the fault hit something, the app process is still
 * running, every answer was an allowed one, and `me/` served again within the deadline. A
 * failure prints the run's answers and the end of the app's output (a crash's stack).
 *
 * @example
 * ```ts
 * expectFaultSurvived(await runUnderFault(example, users, fault, plan), example.output());
 * ```
 */
export function expectFaultSurvived(result: FaultRunResult, output: string): void {
  const context = failureContext(result, output);
  expect(result.fault.hits, `the fault broke nothing\n${context}`).toBeGreaterThan(0);
  expect(result.survived, `the app process exited during the run\n${context}`).toBe(true);
  expect(result.answers.unexpectedCount, `answers the contract does not allow\n${context}`).toBe(0);
  expect(
    result.recovery.ms,
    `me/ did not answer 200 in time after the fault\n${context}`,
  ).toBeDefined();
}
