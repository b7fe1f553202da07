import * as v from "valibot";
import { isRedisClient, type RedisClient } from "./redis-client.js";

const redisStoreOptionsSchema = v.object({
  /** A connected `ioredis` client (`new Redis(url)`) or `redis` client (`createClient`). */
  client: v.custom<RedisClient>(
    isRedisClient,
    "must be an ioredis client (new Redis(url)) or a node-redis client (createClient({ url }))",
  ),
  /** Put before every counter key. Default `"axor:rl:"`. */
  keyPrefix: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200)), "axor:rl:"),
  /**
   * How long one command may wait for Redis before the request fails as unavailable (503),
   * fractions allowed. Default 2.
   */
  timeoutSeconds: v.optional(
    v.pipe(v.number("must be a number of seconds"), v.minValue(0.001), v.maxValue(60)),
    2,
  ),
  /**
   * Told of the client's `error` events when the app listened to none (without a listener a
   * node-redis error would end the process). Default: one `console.warn` line per error.
   */
  onError: v.optional(v.custom<(error: Error) => void>((value) => typeof value === "function")),
});

/**
 * Options of `redisRateLimitStore`.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 *
 * const options: RedisRateLimitStoreOptions = {
 *   client: new Redis("redis://127.0.0.1:6379"),
 *   keyPrefix: "myapp:axor:",
 *   timeoutSeconds: 1,
 * };
 * ```
 */
export type RedisRateLimitStoreOptions = v.InferInput<typeof redisStoreOptionsSchema>;

/** The options with every default filled in. */
export type ResolvedRedisStoreOptions = v.InferOutput<typeof redisStoreOptionsSchema>;

/** Validates `redisRateLimitStore`'s options; a wrong one throws a `TypeError` naming it. */
export function resolveRedisStoreOptions(
  options: RedisRateLimitStoreOptions,
): ResolvedRedisStoreOptions {
  const result = v.safeParse(redisStoreOptionsSchema, options);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new TypeError(
    `Invalid redisRateLimitStore option "${v.getDotPath(issue) ?? "(options)"}": ${issue.message}`,
  );
}
