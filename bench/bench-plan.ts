/** How long and how big each benchmark runs: `pnpm bench` or `pnpm bench --quick`. */
export interface BenchPlan {
  quick: boolean;
  /** Users and app tokens in the main SQLite file. */
  rows: number;
  /** The two table sizes the scale benchmark compares. */
  smallTable: number;
  largeTable: number;
  /** HTTP throughput: alternating rounds per route, and each round's length. */
  rounds: number;
  roundSeconds: number;
  /** Untimed load on each HTTP route before its rounds. */
  warmupSeconds: number;
  /** Login throughput and the latency-under-storm phases, each. */
  phaseSeconds: number;
}

/** The plan for the command line's flags. */
export function benchPlan(argv: readonly string[]): BenchPlan {
  const quick = argv.includes("--quick");
  return quick
    ? {
        quick,
        rows: 10_000,
        smallTable: 1_000,
        largeTable: 100_000,
        rounds: 2,
        roundSeconds: 0.5,
        warmupSeconds: 0.5,
        phaseSeconds: 2,
      }
    : {
        quick,
        rows: 100_000,
        smallTable: 1_000,
        largeTable: 1_000_000,
        rounds: 7,
        roundSeconds: 1.5,
        warmupSeconds: 1,
        phaseSeconds: 5,
      };
}
