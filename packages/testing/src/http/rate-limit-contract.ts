import { describe, expect, it } from "vitest";
import { loginAccount, newAccountFields, registerAccount } from "./contract-accounts.js";
import type { ContractResponse } from "./contract-response.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem } from "./problem-assertions.js";
import { uniqueEmail } from "./unique-email.js";

/** Asserts a 429 RateLimited whose Retry-After is whole seconds within the window. */
function expectRateLimited(response: ContractResponse, path: string, windowSeconds: number): void {
  expectProblem(response, path, "RateLimited");
  const retryAfter = response.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(windowSeconds);
}

/** Rate limits by client IP: failed logins and registrations, with Retry-After. */
export function describeRateLimitContract(start: StartContractServer): void {
  describe("rate limit on failed logins", () => {
    const clock = new FakeClock();
    const ctx = useContractServer(
      start,
      { rateLimits: { login: { max: 3, windowSeconds: 60 } }, now: () => clock.now() },
      () => clock.now(),
    );

    it("answers the 4th failed login from one IP with 429 and Retry-After, even with the right password, until the window ends", async () => {
      const { fields } = await registerAccount(ctx.client());
      for (let attempt = 1; attempt <= 3; attempt++) {
        const response = await ctx
          .client()
          .post("login/", { email: uniqueEmail(), password: "wrong password" });
        expectProblem(response, "login/", "InvalidCredentials");
      }
      const fourth = await ctx
        .client()
        .post("login/", { email: uniqueEmail(), password: "wrong password" });
      expectRateLimited(fourth, "login/", 60);
      const right = await ctx
        .client()
        .post("login/", { email: fields.email, password: fields.password });
      expectRateLimited(right, "login/", 60);
      expect(right.setCookies).toEqual([]);

      clock.advanceSeconds(61);
      await loginAccount(ctx.client(), fields);
    });
  });

  describe("rate limit keyed by the forwarded client IP behind a trusted proxy", () => {
    const ctx = useContractServer(start, {
      rateLimits: { login: { max: 3, windowSeconds: 60 } },
      trustedProxies: ["127.0.0.1", "::1"],
    });

    it("counts each X-Forwarded-For client on its own", async () => {
      const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
      const fail = (ip: string) =>
        ctx.client().post("login/", { email: uniqueEmail(), password: "wrong password" }, from(ip));
      for (let attempt = 1; attempt <= 3; attempt++) {
        expectProblem(await fail("203.0.113.7"), "login/", "InvalidCredentials");
      }
      expectRateLimited(await fail("203.0.113.7"), "login/", 60);
      expectProblem(await fail("203.0.113.8"), "login/", "InvalidCredentials");
    });
  });

  describe("rate limit with X-Forwarded-For from an untrusted peer", () => {
    const ctx = useContractServer(start, { rateLimits: { login: { max: 3, windowSeconds: 60 } } });

    it("ignores the header: every attempt counts against the peer's own address", async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const response = await ctx
          .client()
          .post(
            "login/",
            { email: uniqueEmail(), password: "wrong password" },
            { headers: { "x-forwarded-for": `203.0.113.${attempt}` } },
          );
        expectProblem(response, "login/", "InvalidCredentials");
      }
      const fourth = await ctx
        .client()
        .post(
          "login/",
          { email: uniqueEmail(), password: "wrong password" },
          { headers: { "x-forwarded-for": "203.0.113.99" } },
        );
      expectRateLimited(fourth, "login/", 60);
    });
  });

  describe("rate limit on failed logins around a success", () => {
    const ctx = useContractServer(start, { rateLimits: { login: { max: 3, windowSeconds: 60 } } });

    it("keeps counting an IP's failures across a successful login to another account", async () => {
      const { fields } = await registerAccount(ctx.client());
      const fail = () =>
        ctx.client().post("login/", { email: uniqueEmail(), password: "wrong password" });
      expectProblem(await fail(), "login/", "InvalidCredentials");
      expectProblem(await fail(), "login/", "InvalidCredentials");
      await loginAccount(ctx.client(), fields);
      expectProblem(await fail(), "login/", "InvalidCredentials");
      expectRateLimited(await fail(), "login/", 60);
    });
  });

  describe("rate limit on logins that succeed", () => {
    const ctx = useContractServer(start, { rateLimits: { login: { max: 3, windowSeconds: 60 } } });

    it("does not count successful logins", async () => {
      const { fields } = await registerAccount(ctx.client());
      for (let attempt = 1; attempt <= 6; attempt++) await loginAccount(ctx.client(), fields);
    });
  });

  describe("rate limit on registrations", () => {
    const ctx = useContractServer(start, {
      rateLimits: { register: { max: 3, windowSeconds: 60 } },
    });

    it("answers the 4th registration from one IP with 429 and Retry-After, creating nobody", async () => {
      for (let attempt = 1; attempt <= 3; attempt++) await registerAccount(ctx.client());
      const fields = newAccountFields();
      const fourth = await ctx.client().post("register/", fields);
      expectRateLimited(fourth, "register/", 60);
      expect(fourth.setCookies).toEqual([]);
      expect(await ctx.server.axor.options.storage.getUserByEmail(fields.email)).toBeNull();
    });
  });

  describe("rate limits by default", () => {
    const ctx = useContractServer(start, { rateLimits: undefined });

    it("allows 10 failed logins per IP and answers the 11th with 429 (default: 10 per 15 minutes)", async () => {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await ctx
          .client()
          .post("login/", { email: uniqueEmail(), password: "wrong password" });
        expectProblem(response, "login/", "InvalidCredentials");
      }
      const eleventh = await ctx
        .client()
        .post("login/", { email: uniqueEmail(), password: "wrong password" });
      expectRateLimited(eleventh, "login/", 900);
    });
  });
}
