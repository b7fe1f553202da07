import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisRateLimitStore } from "../src/index.js";
import {
  clientKinds,
  deleteKeysUnder,
  freshKeyPrefix,
  openTestClient,
  REDIS_URL,
  type TestClient,
} from "./support/redis-test-clients.js";

describe.skipIf(!REDIS_URL)("Redis key layout and scripts (set AXOR_TEST_REDIS_URL to run)", () => {
  const url = REDIS_URL ?? "";
  const keyPrefix = freshKeyPrefix();
  let inspector: Redis;
  beforeAll(() => {
    inspector = new Redis(url);
  });
  afterAll(async () => {
    inspector.disconnect();
    await deleteKeysUnder(url, keyPrefix);
  });

  for (const kind of clientKinds) {
    describe(kind, () => {
      let opened: TestClient;
      beforeAll(async () => {
        opened = await openTestClient(kind, url);
      });
      afterAll(() => opened.close());

      it("a counter is the hash <prefix><key> { c, r } that expires with its window", async () => {
        const store = redisRateLimitStore({ client: opened.client, keyPrefix });
        const now = new Date();
        await store.incrementCounter(`login:account:${kind}`, 60_000, now);
        await store.incrementCounter(`login:account:${kind}`, 60_000, now);
        const key = `${keyPrefix}login:account:${kind}`;
        expect(await inspector.hgetall(key)).toEqual({
          c: "2",
          r: String(now.getTime() + 60_000),
        });
        const ttl = await inspector.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      });

      it("still counts after Redis forgot its scripts (SCRIPT FLUSH): EVAL takes over", async () => {
        const store = redisRateLimitStore({ client: opened.client, keyPrefix });
        const now = new Date();
        const key = `email:address:${kind}`;
        expect((await store.incrementCounter(key, 60_000, now)).count).toBe(1);
        await inspector.script("FLUSH");
        expect((await store.incrementCounter(key, 60_000, now)).count).toBe(2);
        await inspector.script("FLUSH");
        await store.decrementCounter(key);
        expect((await store.getCounter(key, now))?.count).toBe(1);
      });
    });
  }
});

describe("redisRateLimitStore options", () => {
  const client = new Redis({ lazyConnect: true });

  it("refuses what is not an ioredis or node-redis client, naming the option", () => {
    for (const bad of [undefined, {}, { sendCommand: () => {} }, "redis://127.0.0.1:6379"]) {
      expect(() => redisRateLimitStore({ client: bad as never })).toThrow(
        /Invalid redisRateLimitStore option "client"/,
      );
    }
  });

  it("refuses an empty keyPrefix and a timeout that is not a positive number", () => {
    expect(() => redisRateLimitStore({ client, keyPrefix: "" })).toThrow(/"keyPrefix"/);
    expect(() => redisRateLimitStore({ client, timeoutSeconds: 0 })).toThrow(/"timeoutSeconds"/);
    expect(() => redisRateLimitStore({ client, timeoutSeconds: Number.NaN })).toThrow(
      /"timeoutSeconds"/,
    );
  });

  it("adds an error listener only when the app has none", () => {
    const fresh = new Redis({ lazyConnect: true });
    redisRateLimitStore({ client: fresh });
    expect(fresh.listenerCount("error")).toBe(1);
    const listened = new Redis({ lazyConnect: true });
    listened.on("error", () => {});
    redisRateLimitStore({ client: listened });
    expect(listened.listenerCount("error")).toBe(1);
  });
});
