import type { CounterState } from "../storage/records.js";
import type { RateLimitStore } from "../storage/storage-adapter.js";

/**
 * Rate-limit counters in a `Map` of this process: the default `rateLimitStore` when the storage
 * offers none. Each process counts on its own, so with several instances behind a load balancer
 * a client gets each limit once per instance; give `createAxor` a shared store for those. Every
 * verb runs without awaiting, so each is atomic on Node's single thread. Ended windows are
 * dropped as they are met, and the whole map once it holds `maxKeys` keys.
 *
 * @example
 * ```ts
 * const axor = createAxor({ storage, secret, rateLimitStore: memoryRateLimitStore() });
 * ```
 */
export function memoryRateLimitStore(maxKeys = 100_000): RateLimitStore {
  const counters = new Map<string, CounterState>();
  const dropEnded = (now: Date) => {
    for (const [key, state] of counters) {
      if (state.resetAt.getTime() <= now.getTime()) counters.delete(key);
    }
  };
  return {
    async incrementCounter(key, windowMs, now) {
      const current = counters.get(key);
      if (!current && counters.size >= maxKeys) dropEnded(now);
      const next =
        current && current.resetAt.getTime() > now.getTime()
          ? { count: current.count + 1, resetAt: current.resetAt }
          : { count: 1, resetAt: new Date(now.getTime() + windowMs) };
      counters.set(key, next);
      return { count: next.count, resetAt: new Date(next.resetAt) };
    },
    async getCounter(key, now) {
      const current = counters.get(key);
      if (!current || current.resetAt.getTime() <= now.getTime()) return null;
      return { count: current.count, resetAt: new Date(current.resetAt) };
    },
    async decrementCounter(key) {
      const current = counters.get(key);
      if (current && current.count > 0) counters.set(key, { ...current, count: current.count - 1 });
    },
    async resetCounter(key) {
      counters.delete(key);
    },
  };
}
