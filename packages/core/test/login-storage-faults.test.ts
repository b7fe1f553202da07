import { describe, expect, it } from "vitest";
import { createAxor, memoryRateLimitStore, memoryStorage } from "../src/index.js";
import { StorageUnavailableError } from "../src/storage.js";
import { webClient } from "./test-axor.js";

const ipKey = "login:ip:127.0.0.1";
const accountKey = "login:account:ada@example.com";
const input = { email: "ada@example.com", password: "correct horse" };

/** Login against storage whose user lookup fails, with counters we can read. */
function axorWhoseLookupFails() {
  const counters = memoryRateLimitStore();
  const storage = {
    ...memoryStorage(),
    getUserByEmail: () => Promise.reject(new StorageUnavailableError()),
  };
  const axor = createAxor({
    storage,
    rateLimitStore: counters,
    secret: "s".repeat(32),
    mailer: { send: async () => {} },
    onError: () => {},
  });
  return { axor, counters };
}

describe("login when the storage fails", () => {
  it("a lookup that fails before the password is judged costs the client no attempt", async () => {
    const { axor, counters } = axorWhoseLookupFails();
    for (let i = 0; i < 12; i++) {
      await expect(axor.login(input, webClient)).rejects.toBeInstanceOf(StorageUnavailableError);
    }
    const now = new Date();
    expect((await counters.getCounter(ipKey, now))?.count ?? 0).toBe(0);
    expect((await counters.getCounter(accountKey, now))?.count ?? 0).toBe(0);
  });

  it("when a judged failure cannot be counted, the answer is 503 and no turn is left taken", async () => {
    const counters = memoryRateLimitStore();
    const flaky = {
      ...counters,
      incrementCounter: (key: string, windowMs: number, now: Date) =>
        key.startsWith("login:account:")
          ? Promise.reject(new StorageUnavailableError())
          : counters.incrementCounter(key, windowMs, now),
    };
    const axor = createAxor({
      storage: memoryStorage(),
      rateLimitStore: flaky,
      secret: "s".repeat(32),
      onError: () => {},
    });
    await expect(axor.login(input, webClient)).rejects.toBeInstanceOf(StorageUnavailableError);
    const now = new Date();
    // The address's failure landed (stricter); the turns taken while judging are given back.
    expect((await counters.getCounter(ipKey, now))?.count).toBe(1);
    expect((await counters.getCounter(`busy:${ipKey}`, now))?.count ?? 0).toBe(0);
    expect((await counters.getCounter(`busy:${accountKey}`, now))?.count ?? 0).toBe(0);
  });
});
