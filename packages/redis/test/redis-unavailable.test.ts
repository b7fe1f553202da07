import { createServer } from "node:net";
import { createAxor, fetchHandler, memoryStorage } from "@axor/core";
import { StorageUnavailableError } from "@axor/core/storage";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type RedisClient, redisRateLimitStore } from "../src/index.js";
import { startCuttableProxy } from "./support/cuttable-proxy.js";
import { deleteKeysUnder, freshKeyPrefix, REDIS_URL } from "./support/redis-test-clients.js";

/** A port on which nothing listens (it was free a moment ago). */
async function deadPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const now = () => new Date();

const isConnected = (client: RedisClient) =>
  "status" in client ? client.status === "ready" : client.isReady;

describe.skipIf(!REDIS_URL)("Redis going away (set AXOR_TEST_REDIS_URL to run)", () => {
  const url = REDIS_URL ?? "";
  const keyPrefix = freshKeyPrefix();
  const toClose: (() => unknown)[] = [];
  afterAll(async () => {
    for (const close of toClose) await close();
    await deleteKeysUnder(url, keyPrefix);
  });

  it("ioredis on a port where nothing listens: StorageUnavailableError, errors reported", async () => {
    const client = new Redis(await deadPort(), "127.0.0.1");
    toClose.push(() => client.disconnect());
    const onError = vi.fn();
    const store = redisRateLimitStore({ client, keyPrefix, timeoutSeconds: 0.3, onError });
    await expect(store.incrementCounter("login:ip:x", 60_000, now())).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(store.getCounter("login:ip:x", now())).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
  });

  it("node-redis never connected: StorageUnavailableError", async () => {
    const client = createClient({ url: `redis://127.0.0.1:${await deadPort()}` });
    const store = redisRateLimitStore({ client, keyPrefix, timeoutSeconds: 0.3 });
    await expect(store.incrementCounter("login:ip:x", 60_000, now())).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(store.resetCounter("login:ip:x")).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  const connectors: [string, (proxyUrl: string) => Promise<RedisClient & object>][] = [
    [
      "ioredis",
      async (proxyUrl) => {
        const client = new Redis(proxyUrl, { lazyConnect: true });
        redisRateLimitStore({ client, keyPrefix, onError: () => {} });
        await client.connect();
        toClose.push(() => client.disconnect());
        return client;
      },
    ],
    [
      "node-redis",
      async (proxyUrl) => {
        const client = createClient({ url: proxyUrl });
        // Without the store's listener, the first connection error would end this process.
        redisRateLimitStore({ client, keyPrefix, onError: () => {} });
        await client.connect();
        toClose.push(() => client.destroy());
        return client;
      },
    ],
  ];

  for (const [kind, connectThrough] of connectors) {
    it(`${kind}: Redis cut mid-run gives StorageUnavailableError, then works once it is back`, async () => {
      const proxy = await startCuttableProxy(url);
      const client = await connectThrough(proxy.url);
      const errors: Error[] = [];
      const store = redisRateLimitStore({
        client,
        keyPrefix,
        timeoutSeconds: 0.3,
        onError: (error) => errors.push(error),
      });
      const key = `login:account:${kind}`;
      expect((await store.incrementCounter(key, 60_000, now())).count).toBe(1);

      await proxy.cut();
      await vi.waitFor(() => expect(isConnected(client)).toBe(false));
      await expect(store.incrementCounter(key, 60_000, now())).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      await expect(store.decrementCounter(key)).rejects.toBeInstanceOf(StorageUnavailableError);

      await proxy.restore();
      await vi.waitFor(
        async () => expect((await store.incrementCounter(key, 60_000, now())).count).toBe(2),
        { timeout: 15_000, interval: 200 },
      );
    });
  }

  it("over HTTP: a login while Redis is away is 503 in the envelope; the server keeps serving", async () => {
    const client = new Redis(await deadPort(), "127.0.0.1", { maxRetriesPerRequest: 0 });
    toClose.push(() => client.disconnect());
    const rateLimitStore = redisRateLimitStore({
      client,
      keyPrefix,
      timeoutSeconds: 0.3,
      onError: () => {},
    });
    const axor = createAxor({
      storage: memoryStorage(),
      secret: "s".repeat(32),
      rateLimitStore,
    });
    const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "203.0.113.7" });
    const login = () =>
      handler(
        new Request("http://localhost/api/user/login/", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "ann@example.com", password: "wrong password 1" }),
        }),
      );
    for (const response of [await login(), await login()]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ code: "ServiceUnavailable" });
    }
  });
});
