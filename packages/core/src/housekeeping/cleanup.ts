import * as v from "valibot";
import { expiredRowSweeper } from "../admin/admin-parts.js";
import type { AxorContext } from "../axor-context.js";
import type { SweepCounts } from "../storage/records.js";
import { parseInput } from "../validation/parse-input.js";

/**
 * Options of `axor.cleanup`.
 *
 * @example
 * ```ts
 * const options: CleanupOptions = { batchSize: 500, maxBatches: 20 }; // at most 10,000 of each
 * await axor.cleanup(options);
 * ```
 */
export interface CleanupOptions {
  /** Rows of each kind deleted by one statement: 1..10,000, default 1,000. */
  batchSize?: number | undefined;
  /** Stop after this many batches even if more is left (the next run goes on). Default 1,000. */
  maxBatches?: number | undefined;
}

/**
 * What `axor.cleanup` deleted, per kind of row, and in how many batches.
 *
 * @example
 * ```ts
 * const result: CleanupResult = await axor.cleanup();
 * console.log(`swept ${result.sessions} sessions in ${result.batches} batches`);
 * ```
 */
export interface CleanupResult extends SweepCounts {
  batches: number;
  /** True when it stopped at `maxBatches` with rows left to delete. */
  more: boolean;
}

const wholeNumber = (max: number) =>
  v.pipe(
    v.number("Must be a number."),
    v.integer("Must be a whole number."),
    v.minValue(1, "Ensure this value is greater than or equal to 1."),
    v.maxValue(max, `Ensure this value is less than or equal to ${max}.`),
  );

const cleanupSchema = v.object(
  {
    batchSize: v.optional(wholeNumber(10_000), 1000),
    maxBatches: v.optional(wholeNumber(1_000_000), 1000),
  },
  "The options must be an object.",
);

/**
 * `axor.cleanup`: sweeps dead sessions and tokens, one-time tokens and ended rate-limit windows
 * in batches of `batchSize` rows per kind, until a batch finds fewer than that of every kind.
 * Each batch is a few short statements, so it never holds locks for long, and several
 * instances may run it at once.
 */
export async function cleanup(ctx: AxorContext, options: unknown = {}): Promise<CleanupResult> {
  const { batchSize, maxBatches } = parseInput(cleanupSchema, options);
  const sweeper = expiredRowSweeper(ctx, "axor.cleanup()");
  const result: CleanupResult = {
    sessions: 0,
    oneTimeTokens: 0,
    counters: 0,
    batches: 0,
    more: false,
  };
  while (result.batches < maxBatches) {
    const swept = await sweeper.sweepExpired(ctx.now(), batchSize);
    result.batches++;
    result.sessions += swept.sessions;
    result.oneTimeTokens += swept.oneTimeTokens;
    result.counters += swept.counters;
    const full = Math.max(swept.sessions, swept.oneTimeTokens, swept.counters) >= batchSize;
    if (!full) return result;
  }
  result.more = true;
  return result;
}
