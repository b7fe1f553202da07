import { describe, expect, it } from "vitest";
import { createAxor, memoryStorage } from "../src/index.js";

const secret = "s".repeat(32);

describe("createAxor options", () => {
  it.each([
    [{ secret }, /"storage": is required/],
    [{ storage: {}, secret }, /"storage": must be a StorageAdapter/],
    [{ storage: memoryStorage(), secret: "short" }, /"secret": must be at least 32 characters/],
    [{ storage: memoryStorage(), secret, baseUrl: "example.com" }, /"baseUrl"/],
    [
      { storage: memoryStorage(), secret, webSessionLifetimeSeconds: 0 },
      /"webSessionLifetimeSeconds"/,
    ],
    [{ storage: memoryStorage(), secret, cookie: { sameSite: "loose" } }, /"cookie.sameSite"/],
    [
      { storage: memoryStorage(), secret, rateLimits: { login: { max: -1, windowSeconds: 1 } } },
      /"rateLimits.login/,
    ],
    [
      { storage: memoryStorage(), secret, trustedProxies: ["not-an-ip"] },
      /"trustedProxies": "not-an-ip"/,
    ],
    [{ storage: memoryStorage(), secret, mailer: {} }, /"mailer": must have a send/],
  ])("rejects a wrong option naming it (%#)", (options, message) => {
    expect(() => createAxor(options as never)).toThrow(message);
  });

  it("fills every default", () => {
    const { options } = createAxor({ storage: memoryStorage(), secret });
    expect(options).toMatchObject({
      baseUrl: "http://127.0.0.1:3000",
      allowRegistration: true,
      webSessionLifetimeSeconds: 30 * 24 * 3600,
      appTokenLifetimeSeconds: 90 * 24 * 3600,
      cookie: { name: "axor_session", secure: "auto", sameSite: "lax" },
      password: { minLength: 8, maxLength: 256 },
      argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
      rateLimits: { login: { max: 10, windowSeconds: 900 } },
    });
  });

  it("keeps only the origin of baseUrl", () => {
    const { options } = createAxor({
      storage: memoryStorage(),
      secret,
      baseUrl: "https://Example.com/app/",
    });
    expect(options.baseUrl).toBe("https://example.com");
  });
});
