import { sqliteAxor } from "./bench-axor.js";
import type { BenchDatabase } from "./bench-database.js";
import { expectMeOk, meRequest } from "./core-handler.bench.js";
import type { Metric } from "./result-table.js";

const FIRST_CHECKPOINT = 10_000;
const LAST_CHECKPOINT = 50_000;
const MAX_GROWTH_MB = 10;
const MB = 1024 * 1024;

/** Heap in use after full collections: what survives, not what merely awaits the collector. */
function heapUsedAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * 50k `axor.handle(GET /me/)` calls on SQLite, each with a different one of the seeded app tokens
 * (so a per-key or per-session cache would show as growth), and the heap after gc at the 10k-th
 * and the 50k-th call. Needs node's `--expose-gc`.
 */
export async function benchMemoryGrowth(database: BenchDatabase): Promise<Metric[]> {
  const gc = globalThis.gc;
  if (!gc) throw new Error("memory benchmark: run node with --expose-gc (pnpm bench does)");
  const { keys } = database;
  const sqlite = sqliteAxor(database.path);
  try {
    await expectMeOk(sqlite.axor, keys[0] as string);
    let failures = 0;
    let heapAtFirst = 0;
    for (let i = 1; i <= LAST_CHECKPOINT; i++) {
      const response = await sqlite.axor.handle(meRequest(keys[i % keys.length] as string));
      if (response.status !== 200) failures++;
      if (i === FIRST_CHECKPOINT) heapAtFirst = heapUsedAfterGc(gc);
    }
    const heapAtLast = heapUsedAfterGc(gc);
    if (failures > 0) throw new Error(`memory benchmark: ${failures} requests were not 200`);
    const growthMb = (heapAtLast - heapAtFirst) / MB;
    return [
      {
        name: `memory: heap after gc at request ${FIRST_CHECKPOINT / 1000}k / ${LAST_CHECKPOINT / 1000}k`,
        measured: `${(heapAtFirst / MB).toFixed(1)} MB / ${(heapAtLast / MB).toFixed(1)} MB`,
        target: "-",
        pass: null,
      },
      {
        name: `memory: heap growth ${FIRST_CHECKPOINT / 1000}k -> ${LAST_CHECKPOINT / 1000}k requests`,
        measured: `${growthMb.toFixed(2)} MB`,
        target: `<= ${MAX_GROWTH_MB} MB`,
        pass: growthMb <= MAX_GROWTH_MB,
      },
    ];
  } finally {
    await sqlite.close();
  }
}
