/**
 * `pnpm bench` (a few minutes) or `pnpm bench --quick` (under a minute, smaller tables and
 * shorter rounds): seeds a SQLite file with users and app tokens, runs the benchmarks, prints
 * one table of metrics against their targets, writes it to RESULTS.md, and exits 1 when a
 * target is missed. See docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import type { BenchDatabase } from "./bench-database.js";
import { createBenchDatabase } from "./bench-database.js";
import { type BenchPlan, benchPlan } from "./bench-plan.js";
import { benchCoreHandler } from "./core-handler.bench.js";
import { benchHttpThroughput } from "./http-throughput.bench.js";
import { benchLoginStorm } from "./login-storm.bench.js";
import { benchLoginThroughput } from "./login-throughput.bench.js";
import { benchMemoryGrowth } from "./memory-growth.bench.js";
import { type Metric, markdownTable, textTable } from "./result-table.js";
import { peakServerRss } from "./server-process.js";
import { benchSessionScale } from "./session-scale.bench.js";
import { benchStorageLookup } from "./storage-lookup.bench.js";

const RESULTS_FILE = new URL("./RESULTS.md", import.meta.url);

type Benchmark = (database: BenchDatabase, plan: BenchPlan) => Promise<Metric[]>;

const benchmarks: ReadonlyArray<[string, Benchmark]> = [
  ["storage lookup", benchStorageLookup],
  ["core handler", benchCoreHandler],
  ["memory growth", benchMemoryGrowth],
  ["HTTP throughput", benchHttpThroughput],
  ["login throughput", benchLoginThroughput],
  ["login storm", benchLoginStorm],
  ["session table scale", (_database, plan) => benchSessionScale(plan)],
];

/** `uptime`'s line: other work on the machine lowers every absolute number. */
function uptime(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(", ")}`;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

/** Target 7: peak RSS, reported (no limit). */
function memoryMetrics(): Metric[] {
  return [
    {
      name: "rss: peak of the HTTP server processes",
      measured: megabytes(peakServerRss()),
      target: "-",
      pass: null,
    },
    {
      name: "rss: peak of the bench process (in-process benchmarks)",
      measured: megabytes(process.resourceUsage().maxRSS * 1024),
      target: "-",
      pass: null,
    },
  ];
}

function machine(): string {
  const cpu = cpus();
  const memoryGb = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${memoryGb} GB RAM, ${process.platform} ${process.arch}`;
}

/** The 1-minute load average at the start; a busy machine lowers every number. */
const startLoad = loadavg()[0] ?? 0;

const plan = benchPlan(process.argv.slice(2));
const startUptime = uptime();

function resultsMarkdown(metrics: readonly Metric[], seconds: number): string {
  return [
    "# Benchmark results",
    "",
    "Written by `pnpm bench` (see [docs/benchmarks.md](../docs/benchmarks.md)); the last run wins.",
    "",
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Run: \`pnpm bench${plan.quick ? " --quick" : ""}\`, ${plan.rows.toLocaleString("en-US")} users and app tokens in the main file`,
    `- Duration: ${seconds.toFixed(0)} s; load average at start: ${startLoad.toFixed(2)}`,
    `- \`uptime\` at start: ${startUptime}`,
    `- \`uptime\` at end: ${uptime()}`,
    "",
    markdownTable(metrics),
    "",
  ].join("\n");
}

const started = Date.now();
if (startLoad > cpus().length / 2) {
  console.warn(`Warning: load average ${startLoad.toFixed(2)}; other work will slow the numbers.`);
}
console.log(
  `Seeding a SQLite file with ${plan.rows.toLocaleString("en-US")} users and app tokens...`,
);
const database = await createBenchDatabase(plan.rows);
const metrics: Metric[] = [];
try {
  for (const [name, run] of benchmarks) {
    console.log(`Running the ${name} benchmark...`);
    metrics.push(...(await run(database, plan)));
  }
  metrics.push(...memoryMetrics());
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
