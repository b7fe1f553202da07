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
    [
      { storage: memoryStorage(), secret, cookie: { domain: "https://example.com" } },
      /"cookie.domain": must be a host name/,
    ],
    [{ storage: memoryStorage(), secret, cookie: { domain: "exa mple.com" } }, /"cookie.domain"/],
    [{ storage: memoryStorage(), secret, cookie: { domain: "" } }, /"cookie.domain"/],
    [
      { storage: memoryStorage(), secret, webSessionLifetimeSeconds: 401 * 24 * 3600 },
      /"webSessionLifetimeSeconds": must be at most 34560000 \(400 days\)/,
    ],
    [
      { storage: memoryStorage(), secret, appTokenLifetimeSeconds: 3651 * 24 * 3600 },
      /"appTokenLifetimeSeconds": must be at most/,
    ],
    [
      { storage: memoryStorage(), secret, tokenLifetimes: { magicLinkSeconds: 2 * 24 * 3600 } },
      /"tokenLifetimes.magicLinkSeconds": must be at most 86400/,
    ],
    [
      { storage: memoryStorage(), secret, rateLimits: { login: { max: 5, windowSeconds: 1e9 } } },
      /"rateLimits.login.windowSeconds": must be at most/,
    ],
    [
      { storage: memoryStorage(), secret, password: { minLength: 300 } },
      /"password.maxLength": must not be below minLength/,
    ],
    [{ storage: memoryStorage(), secret, emailCooldownSeconds: 1e7 }, /"emailCooldownSeconds"/],
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

  it("accepts a cookie domain and min equal to max", () => {
    const { options } = createAxor({
      storage: memoryStorage(),
      secret,
      cookie: { domain: "example.com" },
      password: { minLength: 12, maxLength: 12 },
    });
    expect(options.cookie.domain).toBe("example.com");
    expect(options.password).toEqual({ minLength: 12, maxLength: 12 });
  });

  it('makes "auto" cookies Secure when baseUrl is https, and leaves an explicit false', () => {
    const https = { storage: memoryStorage(), secret, baseUrl: "https://example.com" };
    expect(createAxor(https).options.cookie.secure).toBe(true);
    expect(createAxor({ ...https, cookie: { secure: false } }).options.cookie.secure).toBe(false);
    expect(createAxor({ storage: memoryStorage(), secret }).options.cookie.secure).toBe("auto");
  });
});
