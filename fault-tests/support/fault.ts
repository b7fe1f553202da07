/** What a fault did to the app's database. */
export interface FaultReport {
  /** For the test's log, e.g. "terminated 41 backends in 17 rounds". */
  summary: string;
  /** How many connections (or server stops) it broke: 0 means the run proved nothing. */
  hits: number;
}

/**
 * Breaks the app's database while the load runs, for a bounded time, and resolves once the
 * database is healthy again: recovery is measured from that moment.
 */
export type Fault = () => Promise<FaultReport>;

/** How often a repeating fault strikes, and for how long. */
export interface FaultTiming {
  everyMs: number;
  forMs: number;
}
