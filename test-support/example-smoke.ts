import { expectNotAuthenticated, registerOverHttp } from "@axor/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningExample, runExample, runExampleToExit } from "./run-example.js";

const secret = "example-smoke-test-secret-0123456789abcdef";

/**
 * The smoke test of `examples/<name>`: starts it as a child process on a temp SQLite file,
 * registers over HTTP, reads `me/` and the app's guarded /api/hello with the cookie, then
 * stops it with SIGTERM; also checks the secret handling at startup.
 *
 * @example
 * ```ts
 * describeExampleSmokeTest("express");
 * ```
 */
export function describeExampleSmokeTest(name: string): void {
  describe(`examples/${name}`, () => {
    let example: RunningExample;
    beforeAll(async () => {
      example = await runExample(name, { AXOR_SECRET: secret });
    }, 60_000);
    afterAll(async () => {
      await example?.stop();
    });

    it("registers, reads me/ with the cookie, and serves its own guarded route", async () => {
      const user = await registerOverHttp(example.origin, "web");
      const headers = { cookie: user.cookie ?? "" };
      const me = await fetch(`${example.origin}/api/user/me/`, { headers });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
      const hello = await fetch(`${example.origin}/api/hello`, { headers });
      expect(await hello.json()).toEqual({ hello: "Ada" });
      await expectNotAuthenticated(await fetch(`${example.origin}/api/hello`), "/api/hello");
    });

    it("shuts down cleanly on SIGTERM", async () => {
      expect(await example.stop("SIGTERM")).toBe(0);
      expect(example.output()).toMatch(/SIGTERM: closing the server and the database/);
    });

    it("refuses to start in production without AXOR_SECRET, and warns loudly in development", async () => {
      const production = await runExampleToExit(name, { NODE_ENV: "production" });
      expect(production.code).not.toBe(0);
      expect(production.output).toMatch(/AXOR_SECRET is not set/);
      const development = await runExampleToExit(name, {});
      expect(development.code).toBe(0);
      expect(development.output).toMatch(/!!! AXOR_SECRET is not set/);
    }, 60_000);
  });
}
