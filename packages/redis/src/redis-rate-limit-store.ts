import type { RateLimitStore } from "@axor/core/storage";
import { decrementScript, incrementScript } from "./counter-scripts.js";
import { commandSender } from "./redis-client.js";
import {
  type RedisRateLimitStoreOptions,
  resolveRedisStoreOptions,
} from "./redis-store-options.js";
import { runScript } from "./run-script.js";

const warnOnError = (error: Error) =>
  console.warn(`[@axor/redis] Redis client error: ${error.message}`);

/**
 * Rate-limit counters in Redis, shared by every instance of the app that uses the same Redis:
 * pass it as `createAxor`'s `rateLimitStore`. Each hit is one atomic Lua script (EVALSHA, EVAL
 * when Redis lost it), so parallel hits from many processes each see their own count. Works
 * with an `ioredis` client or a `redis` (node-redis) client; the app creates, connects and
 * closes it. When Redis cannot be reached, or does not answer within `timeoutSeconds`, the
 * request fails with `StorageUnavailableError` (503 `ServiceUnavailable`), never a crash.
 * See docs/redis.md.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 *
 * const redis = new Redis(process.env.AXOR_REDIS_URL ?? "redis://127.0.0.1:6379");
 * const axor = createAxor({
 *   storage,
 *   secret,
 *   rateLimitStore: redisRateLimitStore({ client: redis, keyPrefix: "myapp:rl:" }),
 * });
 * ```
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const { client, keyPrefix, timeoutSeconds, onError } = resolveRedisStoreOptions(options);
  if (client.listenerCount("error") === 0) client.on("error", onError ?? warnOnError);
  const send = commandSender(client, timeoutSeconds * 1000);
  const keyOf = (key: string) => `${keyPrefix}${key}`;

  return {
    async incrementCounter(key, windowMs, now) {
      const args = [String(now.getTime()), String(Math.max(1, Math.round(windowMs)))];
      const reply = await runScript(send, incrementScript, keyOf(key), args);
      const [count, resetAt] = reply as [number, number];
      return { count: Number(count), resetAt: new Date(Number(resetAt)) };
    },
    async getCounter(key, now) {
      const [count, resetAt] = (await send(["HMGET", keyOf(key), "c", "r"])) as (string | null)[];
      if (count == null || resetAt == null || Number(resetAt) <= now.getTime()) return null;
      return { count: Number(count), resetAt: new Date(Number(resetAt)) };
    },
    async decrementCounter(key) {
      await runScript(send, decrementScript, keyOf(key), []);
    },
    async resetCounter(key) {
      await send(["DEL", keyOf(key)]);
    },
  };
}
