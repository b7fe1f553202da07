import type { Axor } from "@axor/core";
import { allowOnly, type CommandLine, wholeNumberOption } from "./command-line.js";

/** `axor-kysely cleanup [--batch-size N]`: sweeps dead rows and says how many of each. */
export async function cleanupCommand(axor: Axor, line: CommandLine): Promise<number> {
  allowOnly(line, "cleanup", ["batch-size"]);
  const batchSize = wholeNumberOption(line, "batch-size");
  const result = await axor.cleanup({ batchSize, maxBatches: 1_000_000 });
  process.stdout.write(
    `Deleted ${result.sessions} sessions and tokens, ${result.oneTimeTokens} one-time tokens, ` +
      `${result.counters} rate-limit counters in ${result.batches} batches.\n`,
  );
  return 0;
}
