import type { AxorRequest } from "@axor/core";
import { verify } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { sqliteAxor } from "./bench-axor.js";
import type { BenchDatabase } from "./bench-database.js";
import type { BenchPlan } from "./bench-plan.js";
import { pairedRatio } from "./paired-ratio.js";
import type { Metric } from "./result-table.js";

/** Target 4: Axor's logins per second against raw argon2id verifies per second. */
const MIN_LOGIN_TO_VERIFY = 0.9;
/** In flight at once on each side: libuv's default thread pool, where both hash. */
const CONCURRENCY = 4;
/** Each side's share of a round, in seconds. */
const SIDE_SECONDS = 1.5;

/** `POST /login/` from an app, as an adapter hands it to `axor.handle`. */
export function loginRequest(email: string, password: string): AxorRequest {
  return {
    method: "POST",
    path: "/login/",
    mountPath: "/api/user",
    headers: {
      host: "127.0.0.1",
      "content-type": "application/json",
      "x-requested-by": "app",
      "user-agent": "axor-bench",
    },
    body: JSON.stringify({ email, password }),
    ip: "127.0.0.1",
    protocol: "http",
  };
}

/** Runs `operation` CONCURRENCY at a time for `seconds`; returns operations per second. */
async function rate(seconds: number, operation: () => Promise<void>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await operation();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done / ((performance.now() - started) / 1000);
}

/**
 * Correct-password logins through `axor.handle` (JSON body, validation, rate-limit counters,
 * argon2id verify, a new app token and a security event written to SQLite) against bare
 * `@node-rs/argon2` `verify` of the same stored hash (so the same cost parameters), 4 in
 * flight on each side, in `plan.rounds` alternating rounds (the order reversed every other
 * round); the ratio is the median of the rounds' own ratios (paired-ratio.ts).
 */
export async function benchLoginThroughput(
  database: BenchDatabase,
  plan: BenchPlan,
): Promise<Metric[]> {
  const { email, password } = database.login;
  const sqlite = new Database(database.path, { readonly: true });
  const { password_hash: hash } = sqlite
    .prepare("select password_hash from axor_users where email = ?")
    .get(email) as { password_hash: string };
  sqlite.close();
  const { axor, close } = sqliteAxor(database.path);
  const request = loginRequest(email, password);
  const login = async () => {
    const response = await axor.handle(request);
    if (response.status !== 200)
      throw new Error(`login answered ${response.status}: ${response.body}`);
  };
  const rawVerify = async () => {
    if (!(await verify(hash, password))) throw new Error("argon2 verify refused the password");
  };
  try {
    // Untimed: each side's code paths compiled and threads started before any round counts.
    await rate(plan.warmupSeconds, rawVerify);
    await rate(plan.warmupSeconds, login);
    const logins: number[] = [];
    const verifies: number[] = [];
    const seconds = plan.quick ? plan.phaseSeconds / plan.rounds : SIDE_SECONDS;
    for (let round = 0; round < plan.rounds; round++) {
      if (round % 2 === 0) verifies.push(await rate(seconds, rawVerify));
      logins.push(await rate(seconds, login));
      if (round % 2 === 1) verifies.push(await rate(seconds, rawVerify));
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const ratio = pairedRatio(logins, verifies);
    return [
      {
        name: "login: raw argon2id verify",
        measured: `${mean(verifies).toFixed(1)} /s`,
        target: "-",
        pass: null,
      },
      {
        name: "login: Axor POST login/ (correct password)",
        measured: `${mean(logins).toFixed(1)} /s`,
        target: "-",
        pass: null,
      },
      {
        name: "login: Axor / raw verify (target 4)",
        measured: `${ratio.toFixed(2)}x`,
        target: `>= ${MIN_LOGIN_TO_VERIFY}x`,
        pass: ratio >= MIN_LOGIN_TO_VERIFY,
      },
    ];
  } finally {
    await close();
  }
}
