import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import autocannon from "autocannon";
import type { BenchDatabase } from "./bench-database.js";
import type { Metric } from "./result-table.js";

const FRAMEWORKS = ["fastify", "express", "hono"] as const;
const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;
/** Each route is measured in ROUNDS runs of ROUND_SECONDS, alternating with the other route. */
const ROUNDS = 2;
const ROUND_SECONDS = 2.5;
/** Axor's `me/` against the hand-written raw `me/` on the same server (see raw-me.ts). */
const MIN_ME_TO_RAW = 0.6;
const SERVER_SCRIPT = new URL("./http-server.ts", import.meta.url);

/** A bench server process and how to reach it. */
interface BenchServer {
  origin: string;
  child: ChildProcess;
}

/** A route measured over all its rounds. */
interface Throughput {
  requestsPerSecond: number;
  /** The worst round's 99th percentile latency. */
  p99Ms: number;
  /** Server process CPU time per request (user + system), less sensitive to a busy machine. */
  serverCpuMicros: number;
}

/** Starts `http-server.ts` in a child process (tsx's loader is inherited) and waits for its port. */
async function startServer(framework: string, databasePath: string): Promise<BenchServer> {
  const child = fork(SERVER_SCRIPT, [framework, databasePath], { stdio: "inherit" });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`${framework} bench server exited with code ${code} before listening`);
  });
  const [message] = (await Promise.race([once(child, "message"), exited])) as [{ port: number }];
  exited.catch(() => {});
  return { origin: `http://127.0.0.1:${message.port}`, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill();
  await exited;
}

async function serverCpuMicros(child: ChildProcess): Promise<number> {
  const reply = once(child, "message");
  child.send("cpu");
  const [message] = (await reply) as [{ cpuMicros: number }];
  return message.cpuMicros;
}

/** One route of one server: its URL and headers, and what its rounds added up to. */
class RouteRun {
  private requests = 0;
  private seconds = 0;
  private cpuMicros = 0;
  private p99Ms = 0;

  constructor(
    private readonly server: BenchServer,
    readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Fails unless the route answers 200, then warms it up untimed. */
  async prepare(): Promise<void> {
    const check = await fetch(this.url, { headers: this.headers });
    const text = await check.text();
    if (check.status !== 200) throw new Error(`GET ${this.url} answered ${check.status}: ${text}`);
    await this.cannon(WARMUP_SECONDS);
  }

  /** One measured round; any non-2xx answer or socket error fails the benchmark. */
  async round(): Promise<void> {
    const cpuBefore = await serverCpuMicros(this.server.child);
    const result = await this.cannon(ROUND_SECONDS);
    this.cpuMicros += (await serverCpuMicros(this.server.child)) - cpuBefore;
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`GET ${this.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }
    this.requests += result.requests.total;
    this.seconds += result.duration;
    this.p99Ms = Math.max(this.p99Ms, result.latency.p99);
  }

  throughput(): Throughput {
    return {
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
 * For each framework, one server process with a static JSON route, a hand-written raw `me/`
 * and Axor, on the SQLite file. autocannon (-c 10) warms each route for 1 s, then measures
 * `GET /static`, `GET /raw-me` and `GET /api/user/me/` (Bearer app token) in alternating
 * 2.5 s rounds, 5 s each in all, so a neighbour's load on the machine hits all alike. Axor's
 * `me/` must reach 0.6x the raw `me/` on every framework: that ratio is Axor's own overhead
 * (validation, neutral request, core, kysely, mapping). The ratio to the static route is shown
 * too; it mostly tells how much an indexed SQLite join costs next to a constant answer.
 */
export async function benchHttpThroughput(database: BenchDatabase): Promise<Metric[]> {
  const bearer = { authorization: `Bearer ${database.keys[0]}` };
  const metrics: Metric[] = [];
  for (const framework of FRAMEWORKS) {
    const server = await startServer(framework, database.path);
    try {
      const routes = [
        new RouteRun(server, `${server.origin}/static`, {}),
        new RouteRun(server, `${server.origin}/raw-me`, bearer),
        new RouteRun(server, `${server.origin}/api/user/me/`, bearer),
      ];
      for (const route of routes) await route.prepare();
      for (let round = 0; round < ROUNDS; round++) {
        for (const route of routes) await route.round();
      }
      const [bareRun, rawRun, meRun] = routes.map((route) => route.throughput()) as [
        Throughput,
        Throughput,
        Throughput,
      ];
      const rate = (run: Throughput) => run.requestsPerSecond;
      metrics.push(
        throughputMetric(`http: ${framework} static JSON route`, bareRun),
        throughputMetric(`http: ${framework} raw me/ (hand-written)`, rawRun),
        throughputMetric(`http: ${framework} + @axor/${framework} GET me/`, meRun),
        ratioMetric(`http: ${framework} me/ / raw me/`, rate(meRun) / rate(rawRun), MIN_ME_TO_RAW),
        ratioMetric(`http: ${framework} me/ / static`, rate(meRun) / rate(bareRun), null),
      );
    } finally {
      await stopServer(server.child);
    }
  }
  return metrics;
}
