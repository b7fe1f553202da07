/**
 * `pnpm bench`: seeds a SQLite file with 100k users and app tokens, runs the four benchmarks,
 * prints one table of metrics against their targets, writes it to RESULTS.md, and exits 1 when
 * a target is missed. See docs/benchmarks.md.
 */
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { createBenchDatabase } from "./bench-database.js";
import { benchCoreHandler } from "./core-handler.bench.js";
import { benchHttpThroughput } from "./http-throughput.bench.js";
import { benchMemoryGrowth } from "./memory-growth.bench.js";
import { type Metric, markdownTable, textTable } from "./result-table.js";
import { benchStorageLookup } from "./storage-lookup.bench.js";

const ROWS = 100_000;
const RESULTS_FILE = new URL("./RESULTS.md", import.meta.url);

const benchmarks: ReadonlyArray<[string, typeof benchStorageLookup]> = [
  ["storage lookup", benchStorageLookup],
  ["core handler", benchCoreHandler],
  ["memory growth", benchMemoryGrowth],
  ["HTTP throughput", benchHttpThroughput],
];

function machine(): string {
  const cpu = cpus();
  const memoryGb = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${memoryGb} GB RAM, ${process.platform} ${process.arch}`;
}

/** The 1-minute load average at the start; a busy machine lowers every number. */
const startLoad = loadavg()[0] ?? 0;

function resultsMarkdown(metrics: readonly Metric[], seconds: number): string {
  return [
    "# Benchmark results",
    "",
    "Written by `pnpm bench` (see [docs/benchmarks.md](../docs/benchmarks.md)); the last run wins.",
    "",
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Duration: ${seconds.toFixed(0)} s; load average at start: ${startLoad.toFixed(2)}`,
    "",
    markdownTable(metrics),
    "",
  ].join("\n");
}

const started = Date.now();
if (startLoad > cpus().length / 2) {
  console.warn(`Warning: load average ${startLoad.toFixed(2)}; other work will slow the numbers.`);
}
console.log(`Seeding a SQLite file with ${ROWS.toLocaleString("en-US")} users and app tokens...`);
const database = await createBenchDatabase(ROWS);
const metrics: Metric[] = [];
try {
  for (const [name, run] of benchmarks) {
    console.log(`Running the ${name} benchmark...`);
    metrics.push(...(await run(database)));
  }
} finally {
  await database.remove();
}

const seconds = (Date.now() - started) / 1000;
console.log(`\n${textTable(metrics)}\n`);
await writeFile(RESULTS_FILE, resultsMarkdown(metrics, seconds));
const failed = metrics.filter((metric) => metric.pass === false);
console.log(
  failed.length === 0
    ? `All targets met in ${seconds.toFixed(0)} s; results written to bench/RESULTS.md.`
    : `${failed.length} target(s) missed: ${failed.map((metric) => metric.name).join("; ")}.`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
