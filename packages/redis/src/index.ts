// `@axor/redis`: rate-limit counters in Redis for apps on several instances. See docs/redis.md.
export type { IoredisLikeClient, NodeRedisLikeClient, RedisClient } from "./redis-client.js";
export { redisRateLimitStore } from "./redis-rate-limit-store.js";
export type { RedisRateLimitStoreOptions } from "./redis-store-options.js";
