import autocannon from "autocannon";
import type { BenchDatabase } from "./bench-database.js";
import type { BenchPlan } from "./bench-plan.js";
import { pacedLatencies, quantile } from "./paced-latency.js";
import type { Metric } from "./result-table.js";
import { startServer, stopServer } from "./server-process.js";

/** Target 5: `me/` p99 during a login storm, against its idle p99. */
const MAX_STORM_TO_IDLE = 3;
/** The steady `me/` load both phases measure: far below what the server can serve. */
const ME_PER_SECOND = 200;
/** Logins in flight during the storm: as many as libuv's thread pool hashes at once. */
const STORM_CONNECTIONS = 4;

/**
 * On the Fastify server: `me/` latency at a steady 200 requests/s, first idle, then while
 * autocannon keeps 4 correct-password logins in flight (each an argon2id verify on the thread
 * pool). Hashing runs off the event loop, so the p99 may grow with the CPU the hashes take
 * from the 2 cores, but not with a blocked loop.
 */
export async function benchLoginStorm(database: BenchDatabase, plan: BenchPlan): Promise<Metric[]> {
  const server = await startServer("fastify", "axor", database.path);
  const meUrl = `${server.origin}/api/user/me/`;
  const bearer = { authorization: `Bearer ${database.keys[0]}` };
  try {
    await pacedLatencies(meUrl, bearer, ME_PER_SECOND, 1); // warm-up
    const idle = await pacedLatencies(meUrl, bearer, ME_PER_SECOND, plan.phaseSeconds);
    const storm = autocannon({
      url: `${server.origin}/api/user/login/`,
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-by": "app" },
      body: JSON.stringify(database.login),
      connections: STORM_CONNECTIONS,
      duration: plan.phaseSeconds + 2,
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the storm is under way
    const during = await pacedLatencies(meUrl, bearer, ME_PER_SECOND, plan.phaseSeconds);
    const stormResult = await storm;
    if (stormResult.non2xx > 0 || stormResult.errors > 0) {
      throw new Error(
        `login storm: ${stormResult.non2xx} non-2xx answers, ${stormResult.errors} errors`,
      );
    }
    const idleP99 = quantile(idle, 0.99);
    const stormP99 = quantile(during, 0.99);
    const ratio = stormP99 / idleP99;
    const logins = (stormResult.requests.total / stormResult.duration).toFixed(1);
    return [
      {
        name: "storm: me/ p99 idle (200 req/s)",
        measured: `${idleP99.toFixed(2)} ms`,
        target: "-",
        pass: null,
      },
      {
        name: `storm: me/ p99 during a login storm (${logins} logins/s)`,
        measured: `${stormP99.toFixed(2)} ms`,
        target: "-",
        pass: null,
      },
      {
        name: "storm: me/ p99 storm / idle (target 5)",
        measured: `${ratio.toFixed(2)}x`,
        target: `<= ${MAX_STORM_TO_IDLE}x`,
        pass: ratio <= MAX_STORM_TO_IDLE,
      },
    ];
  } finally {
    await stopServer(server.child);
  }
}
