import { randomUUID } from "node:crypto";
import { migrateToLatest } from "@axor/kysely";
import { testServerUrl } from "@axor/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningExample, runExample } from "../../../test-support/run-example.js";
import { freshServerDatabase } from "../../kysely/test/support/fresh-server-database.js";
import type { TestDatabase } from "../../kysely/test/support/test-database.js";
import {
  deleteKeysUnder,
  freshKeyPrefix,
  keysUnder,
  REDIS_URL,
} from "./support/redis-test-clients.js";

const POSTGRES_URL = testServerUrl("AXOR_TEST_POSTGRES_URL", "two-instances-on-PostgreSQL");
const APP = { "content-type": "application/json", "x-requested-by": "mobile_app" };
const WEB = { "content-type": "application/json" };

/**
 * App processes on one PostgreSQL database and one Redis, as behind a load balancer: the Express
 * example (A) and the Fastify example (B), plus the Hono one (C) to check its Redis wiring too.
 * What one instance does, the others see at once.
 */
describe.skipIf(!POSTGRES_URL || !REDIS_URL)(
  "two instances on one PostgreSQL and one Redis (set AXOR_TEST_POSTGRES_URL and AXOR_TEST_REDIS_URL to run)",
  () => {
    const redisUrl = REDIS_URL ?? "";
    const keyPrefix = freshKeyPrefix();
    let database: TestDatabase | undefined;
    let a: RunningExample;
    let b: RunningExample;
    let c: RunningExample;

    beforeAll(async () => {
      database = await freshServerDatabase(POSTGRES_URL ?? "");
      await migrateToLatest(database.opened.db);
      // ioredis takes client options from the URL's query: a key prefix of this run's own.
      const env = {
        AXOR_SECRET: "two-instances-test-secret-".padEnd(40, "x"),
        AXOR_DATABASE: database.url,
        AXOR_REDIS_URL: `${redisUrl}?keyPrefix=${encodeURIComponent(keyPrefix)}`,
        LOG_LEVEL: "warn",
      };
      // One after the other: each start compiles with tsx, and the machine may be busy.
      a = await runExample("express", env);
      b = await runExample("fastify", env);
      c = await runExample("hono", env);
    }, 180_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
      await database?.drop();
      await deleteKeysUnder(redisUrl, keyPrefix);
    });

    const post = (
      on: RunningExample,
      path: string,
      headers: Record<string, string>,
      body?: object,
    ) =>
      fetch(`${on.origin}/api/user/${path}`, {
        method: "POST",
        headers,
        body: body ? JSON.stringify(body) : undefined,
      });
    const me = (on: RunningExample, headers: Record<string, string>) =>
      fetch(`${on.origin}/api/user/me/`, { headers });

    const email = `two-${randomUUID()}@example.com`;
    const password = "correct horse battery staple";

    it("an app token made on one instance works on the other; a logout on one ends it on both", async () => {
      const registered = await post(a, "register/", APP, {
        email,
        password,
        first_name: "Ann",
        last_name: "Two",
      });
      expect(registered.status).toBe(201);
      const { session } = (await registered.json()) as { session: { key: string } };
      const bearer = { ...APP, authorization: `Bearer ${session.key}` };

      const onB = await me(b, bearer);
      expect(onB.status).toBe(200);
      expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(email);

      expect((await post(b, "logout/", bearer)).status).toBe(204);
      expect((await me(a, bearer)).status).toBe(401);
      expect((await me(b, bearer)).status).toBe(401);
    });

    it("a web session cookie from one instance works on the other until logout on either", async () => {
      const login = await post(b, "login/", WEB, { email, password });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      expect(cookie).toMatch(/^axor_session=./);

      expect((await me(a, { cookie })).status).toBe(200);
      expect((await me(c, { cookie })).status).toBe(200);
      const logout = await post(a, "logout/", { ...WEB, cookie, origin: a.origin });
      expect(logout.status).toBe(204);
      expect((await me(b, { cookie })).status).toBe(401);
      expect((await me(c, { cookie })).status).toBe(401);
    });

    it("rate limits are shared: failed logins on A count on B (429 with Retry-After), in Redis", async () => {
      const wrong = { email, password: "not the password" };
      let refusedOnA = false;
      for (let attempt = 1; attempt <= 50 && !refusedOnA; attempt += 1) {
        const response = await post(a, "login/", APP, wrong);
        await response.body?.cancel();
        if (response.status === 429) refusedOnA = true;
        else expect(response.status).toBeLessThan(500);
      }
      expect(refusedOnA).toBe(true);

      const onB = await post(b, "login/", APP, wrong);
      expect(onB.status).toBe(429);
      expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await onB.json()).toMatchObject({ code: "RateLimited" });

      const onC = await post(c, "login/", APP, wrong);
      expect(onC.status).toBe(429);
      expect(Number(onC.headers.get("retry-after"))).toBeGreaterThan(0);

      expect((await keysUnder(redisUrl, keyPrefix)).length).toBeGreaterThan(0);
      for (const instance of [a, b, c]) expect(instance.isRunning()).toBe(true);
    });
  },
);
