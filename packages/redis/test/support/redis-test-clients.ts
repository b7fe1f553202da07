import { randomUUID } from "node:crypto";
import { testServerUrl } from "@axor/testing";
import { Redis } from "ioredis";
import { createClient } from "redis";
import type { RedisClient } from "../../src/index.js";

/** Where the Redis suites connect; unset: skipped with a visible line (a failure in CI). */
export const REDIS_URL = testServerUrl("AXOR_TEST_REDIS_URL", "Redis");

/** The two clients `@axor/redis` takes. */
export type RedisClientKind = "ioredis" | "node-redis";
export const clientKinds: RedisClientKind[] = ["ioredis", "node-redis"];

/** A connected client of `kind` and how to close it. */
export interface TestClient {
  client: RedisClient;
  close(): Promise<void>;
}

/** Connects a client of `kind` to `url`, with an error listener (the app's duty). */
export async function openTestClient(kind: RedisClientKind, url: string): Promise<TestClient> {
  if (kind === "ioredis") {
    const client = new Redis(url, { lazyConnect: true });
    client.on("error", () => {});
    await client.connect();
    return { client, close: async () => client.disconnect() };
  }
  const client = createClient({ url });
  client.on("error", () => {});
  await client.connect();
  return { client, close: async () => client.destroy() };
}

/** A key prefix no other run uses, e.g. "axor-test:3f2a...:". */
export function freshKeyPrefix(): string {
  return `axor-test:${randomUUID()}:`;
}

/** Every key under `prefix` (SCAN MATCH to the end of the cursor). */
export async function keysUnder(url: string, prefix: string): Promise<string[]> {
  const redis = new Redis(url);
  const found: string[] = [];
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      found.push(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return found;
}

/** Deletes every key under `prefix` (SCAN + DEL), so a run leaves nothing behind. */
export async function deleteKeysUnder(url: string, prefix: string): Promise<number> {
  const keys = await keysUnder(url, prefix);
  if (keys.length === 0) return 0;
  const redis = new Redis(url);
  try {
    return await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
