import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "../../fault-tests/support/scratch-database.js";
import { type RunningExample, runExample } from "../../test-support/run-example.js";
import { type Answer, type AuthClient, authClient, tally } from "../support/auth-client.js";

const password = "correct horse battery staple";
const postgresUrl = process.env.AXOR_TEST_POSTGRES_URL;
const mysqlUrl = process.env.AXOR_TEST_MYSQL_URL;

/**
 * The runs: each example on SQLite, Express on PostgreSQL and Fastify on MariaDB (bursts of
 * new counter keys there once deadlocked) when those servers are given.
 */
const runs: { example: string; database: "sqlite" | "postgres" | "mysql" }[] = [
  { example: "express", database: "sqlite" },
  { example: "fastify", database: "sqlite" },
  { example: "hono", database: "sqlite" },
  ...(postgresUrl ? [{ example: "express", database: "postgres" as const }] : []),
  ...(mysqlUrl ? [{ example: "fastify", database: "mysql" as const }] : []),
];

describe.each(runs)(
  "brute force against the $example example on $database",
  ({ example, database }) => {
    let app: RunningExample;
    let scratch: ScratchDatabase | undefined;
    let email: string;
    let browser: AuthClient; // the real user's browser: it signed in before
    let phone: AuthClient; // the real user's app, at the address it signed in from before

    beforeAll(async () => {
      const server = { sqlite: undefined, postgres: postgresUrl, mysql: mysqlUrl }[database];
      scratch = server ? await createScratchDatabase(server) : undefined;
      app = await runExample(example, {
        AXOR_SECRET: "abuse-tests-secret-abuse-tests-secret",
        AXOR_TRUSTED_PROXIES: "127.0.0.1",
        LOG_LEVEL: "warn",
        ...(scratch ? { AXOR_DATABASE: scratch.url } : {}),
      });
      email = `victim-${Date.now()}@example.com`;
      browser = authClient(app.origin, "192.0.2.10", "web");
      const registered = await browser.post("register/", {
        email,
        password,
        first_name: "Real",
        last_name: "User",
      });
      expect(registered.status, registered.body).toBe(201);
      phone = authClient(app.origin, "192.0.2.20", "app");
      expect((await phone.post("login/", { email, password })).status).toBe(200);
    });

    afterAll(async () => {
      await app?.stop();
      await scratch?.drop();
    });

    it("blocks one guessing address after 10 wrong passwords; the real user still signs in", async () => {
      const attacker = authClient(app.origin, "203.0.113.66", "app");
      const answers = [];
      for (let i = 0; i < 30; i++)
        answers.push(await attacker.post("login/", { email, password: `x${i}` }));
      const counts = tally(answers);
      console.log(`${example}/${database}: 30 guesses from one address: ${JSON.stringify(counts)}`);
      expect(counts).toEqual({ "401 InvalidCredentials": 10, "429 RateLimited": 20 });
      expect(answers[29]?.body).toMatch(/"code":"RateLimited"/);
      expect((await attacker.post("login/", { email, password })).status).toBe(429);
      expect((await browser.post("login/", { email, password })).status).toBe(200);
      expect((await phone.post("login/", { email, password })).status).toBe(200);
      // One address alone does not reach the account's ceiling: a new device still signs in.
      expect(
        (await authClient(app.origin, "192.0.2.30", "web").post("login/", { email, password }))
          .status,
      ).toBe(200);
    });

    it("throttles 1,000 wrong passwords from 100 rotating addresses; the real user's clients still sign in", {
      timeout: 180_000,
    }, async () => {
      const started = performance.now();
      const answers: Answer[] = [];
      const during: number[] = [];
      // Ten guessers at a time, each from the next of 100 addresses, as a botnet would.
      for (let batch = 0; batch < 100; batch++) {
        const guesses = Array.from({ length: 10 }, (_, lane) => {
          const i = batch * 10 + lane;
          const guesser = authClient(app.origin, `198.51.100.${i % 100}`, "app");
          return guesser.post("login/", { email, password: `guess ${i}` });
        });
        answers.push(...(await Promise.all(guesses)));
        if (batch % 25 === 12) {
          during.push((await browser.post("login/", { email, password })).status);
          during.push((await phone.post("login/", { email, password })).status);
        }
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const counts = tally(answers);
      console.log(
        `${example}/${database}: 1,000 guesses from 100 addresses in ${seconds} s: ${JSON.stringify(counts)}`,
      );
      // The account's ceiling for untrusted clients (20 per 15 minutes) caps what is judged.
      expect(counts["401 InvalidCredentials"]).toBeLessThanOrEqual(20);
      expect(counts["429 RateLimited"]).toBeGreaterThanOrEqual(980);
      expect(Object.keys(counts).sort()).toEqual(["401 InvalidCredentials", "429 RateLimited"]);
      expect(during).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
      expect((await browser.post("login/", { email, password })).status).toBe(200);
      expect((await phone.post("login/", { email, password })).status).toBe(200);
    });

    it("50 parallel correct logins of the real user all succeed, and leave nothing counted", async () => {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => phone.post("login/", { email, password })),
      );
      expect(tally(answers)).toEqual({ "200": 50 });
      expect((await phone.post("login/", { email, password })).status).toBe(200);
    });
  },
);
