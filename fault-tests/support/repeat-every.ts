import { setTimeout as sleep } from "node:timers/promises";

/** What a `repeatEvery` loop did. */
export interface RepeatReport {
  rounds: number;
  /** The sum of what the rounds returned. */
  total: number;
  /** Messages of the rounds that threw (the loop goes on after one). */
  errors: string[];
}

/**
 * Runs `round` at once and then every `everyMs` until `forMs` have passed (a slow round delays
 * the next one, never overlaps it), so the loop is bounded by time and by round count.
 *
 * @example
 * ```ts
 * const { rounds, total } = await repeatEvery(250, 4_000, () => killConnections());
 * ```
 */
export async function repeatEvery(
  everyMs: number,
  forMs: number,
  round: () => Promise<number>,
): Promise<RepeatReport> {
  const report: RepeatReport = { rounds: 0, total: 0, errors: [] };
  const start = performance.now();
  const maxRounds = Math.floor(forMs / everyMs) + 1;
  while (report.rounds < maxRounds && performance.now() - start < forMs) {
    const roundStart = performance.now();
    report.rounds += 1;
    try {
      report.total += await round();
    } catch (error) {
      report.errors.push((error as Error).message);
    }
    const left = Math.min(
      everyMs - (performance.now() - roundStart),
      forMs - (performance.now() - start),
    );
    if (left > 0) await sleep(left);
  }
  return report;
}
