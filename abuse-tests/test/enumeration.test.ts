import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningExample, runExample } from "../../test-support/run-example.js";
import { type Answer, authClient } from "../support/auth-client.js";

const password = "correct horse battery staple";
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe.each(["express", "fastify", "hono"])(
  "account enumeration through the %s example",
  (example) => {
    let app: RunningExample;
    let email: string;

    beforeAll(async () => {
      app = await runExample(example, {
        AXOR_SECRET: "abuse-tests-secret-abuse-tests-secret",
        AXOR_TRUSTED_PROXIES: "127.0.0.1",
        LOG_LEVEL: "warn",
      });
      email = `known-${Date.now()}@example.com`;
      const registered = await authClient(app.origin, "192.0.2.1", "web").post("register/", {
        email,
        password,
        first_name: "Known",
        last_name: "User",
      });
      expect(registered.status, registered.body).toBe(201);
    });

    afterAll(async () => {
      await app?.stop();
    });

    const comparable = (answer: Answer) => ({ status: answer.status, body: answer.body });

    it.each(["forgot_password/request/", "magic_link/request/"])(
      "%s answers an existing and an unknown email identically",
      async (path) => {
        // Each from an address of its own, so neither answer is shaped by the other's count.
        const known = await authClient(app.origin, "198.51.100.1", "web").post(path, { email });
        const unknown = await authClient(app.origin, "198.51.100.2", "web").post(path, {
          email: `nobody-${Date.now()}@example.com`,
        });
        expect(comparable(known)).toEqual(comparable(unknown));
        expect(known.status).toBe(204);
      },
    );

    it("login/ answers a wrong password and an unknown email with the same bytes; the timing gap is printed", async () => {
      const timings = { unknown: [] as number[], wrong: [] as number[] };
      const bodies = new Set<string>();
      for (let i = 0; i < 16; i++) {
        // Alternate, each from a fresh address, so both see the same load and no limit.
        for (const kind of ["unknown", "wrong"] as const) {
          const client = authClient(
            app.origin,
            `203.0.113.${i * 2 + (kind === "wrong" ? 1 : 0)}`,
            "app",
          );
          const started = performance.now();
          const answer = await client.post("login/", {
            email: kind === "unknown" ? `nobody-${i}@example.com` : email,
            password: `wrong ${i}`,
          });
          timings[kind].push(performance.now() - started);
          expect(answer.status).toBe(401);
          bodies.add(answer.body);
        }
      }
      expect(bodies.size).toBe(1);
      const unknown = median(timings.unknown);
      const wrong = median(timings.wrong);
      console.log(
        `${example}: login/ median ${unknown.toFixed(1)} ms for an unknown email, ${wrong.toFixed(1)} ms for a wrong password (gap ${(wrong - unknown).toFixed(1)} ms, ratio ${(wrong / unknown).toFixed(2)})`,
      );
    });
  },
);
