import autocannon from "autocannon";
import type { BenchDatabase } from "./bench-database.js";
import type { BenchPlan } from "./bench-plan.js";
import { pairedRatio } from "./paired-ratio.js";
import type { Metric } from "./result-table.js";
import { type BenchServer, serverStats, startServer, stopServer } from "./server-process.js";

const FRAMEWORKS = ["fastify", "express", "hono"] as const;
const CONNECTIONS = 10;
/** Target 1: Axor's `me/` against the hand-written raw `me/` on the same server, no cache. */
const MIN_ME_TO_RAW = 0.95;
/** Target 2: Axor's `me/` with `sessionCache` against the static JSON route. */
const MIN_CACHED_TO_STATIC = 0.8;

/** A route measured over all its rounds. */
interface Throughput {
  /** Requests per second of each round, in round order. */
  roundRates: number[];
  requestsPerSecond: number;
  /** The worst round's 99th percentile latency. */
  p99Ms: number;
  /** Server process CPU time per request (user + system), less sensitive to a busy machine. */
  serverCpuMicros: number;
}

/** One route of one server: its URL and headers, and what its rounds added up to. */
class RouteRun {
  private requests = 0;
  private seconds = 0;
  private cpuMicros = 0;
  private p99Ms = 0;
  private readonly roundRates: number[] = [];

  constructor(
    private readonly server: BenchServer,
    readonly name: string,
    readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Fails unless the route answers 200, then warms it up untimed. */
  async prepare(warmupSeconds: number): Promise<void> {
    const check = await fetch(this.url, { headers: this.headers });
    const text = await check.text();
    if (check.status !== 200) throw new Error(`GET ${this.url} answered ${check.status}: ${text}`);
    await this.cannon(warmupSeconds);
  }

  /** One measured round; any non-2xx answer or socket error fails the benchmark. */
  async round(seconds: number): Promise<void> {
    const before = await serverStats(this.server.child);
    const result = await this.cannon(seconds);
    const after = await serverStats(this.server.child);
    this.cpuMicros += after.cpuMicros - before.cpuMicros;
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`GET ${this.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }
    this.requests += result.requests.total;
    this.seconds += result.duration;
    this.roundRates.push(result.requests.total / result.duration);
    this.p99Ms = Math.max(this.p99Ms, result.latency.p99);
  }

  throughput(): Throughput {
    return {
      roundRates: this.roundRates,
      requestsPerSecond: this.requests / this.seconds,
      p99Ms: this.p99Ms,
      serverCpuMicros: this.cpuMicros / this.requests,
    };
  }

  private cannon(duration: number) {
    return autocannon({ url: this.url, headers: this.headers, connections: CONNECTIONS, duration });
  }
}

function throughputMetric(name: string, run: Throughput): Metric {
  const rate = Math.round(run.requestsPerSecond).toLocaleString("en-US");
  const cpu = run.serverCpuMicros.toFixed(0);
  return {
    name,
    measured: `${rate} req/s, p99 ${run.p99Ms} ms, ${cpu} µs CPU/req`,
    target: "-",
    pass: null,
  };
}

function ratioMetric(name: string, ratio: number, minimum: number | null): Metric {
  const measured = `${ratio.toFixed(2)}x`;
  if (minimum === null) return { name, measured, target: "-", pass: null };
  return { name, measured, target: `>= ${minimum}x`, pass: ratio >= minimum };
}

/**
 * For each framework, one server process (http-server.ts) with a static JSON route, a
 * hand-written raw `me/` and Axor's `me/` without and with `sessionCache`, and a second one with
 * better-auth's get-session (its AsyncLocalStorage would slow every promise of the first).
 * autocannon (-c 10) warms each route up, then measures them in alternating
 * rounds (`plan.rounds` x `plan.roundSeconds` each, forward then backward), so a neighbour's
 * load hits all alike; each ratio is the median of the rounds' own ratios (paired-ratio.ts).
 */
export async function benchHttpThroughput(
  database: BenchDatabase,
  plan: BenchPlan,
): Promise<Metric[]> {
  const bearer = { authorization: `Bearer ${database.keys[0]}` };
  const betterAuth = { cookie: database.betterAuthCookie };
  const metrics: Metric[] = [];
  for (const framework of FRAMEWORKS) {
    const server = await startServer(framework, "axor", database.path);
    let betterAuthServer: BenchServer | undefined;
    try {
      betterAuthServer = await startServer(framework, "better-auth", database.betterAuthPath);
      const { origin } = server;
      const routes = [
        new RouteRun(server, "static JSON route", `${origin}/static`, {}),
        new RouteRun(server, "raw me/ (hand-written)", `${origin}/raw-me`, bearer),
        new RouteRun(server, "Axor GET me/", `${origin}/api/user/me/`, bearer),
        new RouteRun(server, "Axor GET me/, sessionCache", `${origin}/cached/api/user/me/`, bearer),
        new RouteRun(
          betterAuthServer,
          "better-auth get-session",
          `${betterAuthServer.origin}/api/auth/get-session`,
          betterAuth,
        ),
      ];
      for (const route of routes) await route.prepare(plan.warmupSeconds);
      for (let round = 0; round < plan.rounds; round++) {
        // Forward, then backward: each route's neighbours in time change from round to round.
        const order = round % 2 === 0 ? routes : [...routes].reverse();
        for (const route of order) await route.round(plan.roundSeconds);
      }
      const runs = routes.map((route) => route.throughput());
      const [bare, raw, me, cached, other] = runs as [
        Throughput,
        Throughput,
        Throughput,
        Throughput,
        Throughput,
      ];
      const prefix = `http: ${framework}`;
      metrics.push(
        ...routes.map((route, i) =>
          throughputMetric(`${prefix} ${route.name}`, runs[i] as Throughput),
        ),
        ratioMetric(
          `${prefix} me/ / raw me/ (target 1)`,
          pairedRatio(me.roundRates, raw.roundRates),
          MIN_ME_TO_RAW,
        ),
        ratioMetric(
          `${prefix} cached me/ / static (target 2)`,
          pairedRatio(cached.roundRates, bare.roundRates),
          MIN_CACHED_TO_STATIC,
        ),
        ratioMetric(`${prefix} me/ / static`, pairedRatio(me.roundRates, bare.roundRates), null),
        ratioMetric(
          `${prefix} Axor / better-auth, no cache`,
          pairedRatio(me.roundRates, other.roundRates),
          null,
        ),
        ratioMetric(
          `${prefix} Axor / better-auth, sessionCache`,
          pairedRatio(cached.roundRates, other.roundRates),
          null,
        ),
      );
    } finally {
      await stopServer(server.child);
      if (betterAuthServer) await stopServer(betterAuthServer.child);
    }
  }
  return metrics;
}
