import { awaitAll } from "../async/await-all.js";
import { AxorError } from "../errors/axor-error.js";
import type { ErrorCode } from "../errors/error-catalogue.js";
import type { ResolvedAxorOptions } from "../options/axor-options.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";

/** The limits Axor keeps: failed logins, registrations, email sending, 2FA codes. */
export type RateLimitName = "login" | "register" | "email" | "totp";

/**
 * Counts attempts in fixed windows, in storage (so every process shares them). Each attempt is
 * counted before it is judged, atomically, so a burst of parallel attempts cannot slip past.
 * A lock is a window of its own, opened at a moment of the caller's choosing.
 */
export interface RateLimiter {
  /**
   * Counts one attempt on each key; throws `code` (429) with Retry-After when any is over.
   * Returns the highest count (0 when the limit is off).
   */
  hit(limit: RateLimitName, keys: string[], code?: ErrorCode): Promise<number>;
  /** True when `count` attempts use up the limit (the next one would be refused). */
  reached(limit: RateLimitName, count: number): boolean;
  /** Takes back one counted attempt per key (it succeeded, so it was no failure). */
  refund(limit: RateLimitName, keys: string[]): Promise<void>;
  /** Forgets the keys (e.g. an account's failed logins after a success). */
  reset(keys: string[]): Promise<void>;
  /** Locks `key` for one window of the limit, from now, and starts its count over. */
  lock(limit: RateLimitName, key: string): Promise<void>;
  /** Throws `code` (429) with Retry-After while `key` is locked. */
  assertNotLocked(limit: RateLimitName, key: string, code: ErrorCode): Promise<void>;
}

const lockKey = (key: string) => `lock:${key}`;

function refusal(code: ErrorCode, until: Date, at: Date): AxorError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  return new AxorError(code, { headers: { "retry-after": String(retryAfter) } });
}

export function createRateLimiter(
  storage: StorageAdapter,
  rules: ResolvedAxorOptions["rateLimits"],
  now: () => Date,
): RateLimiter {
  const ruleOf = (limit: RateLimitName) => (rules === false ? false : rules[limit]);
  return {
    async hit(limit, keys, code = "RateLimited") {
      const rule = ruleOf(limit);
      if (rule === false) return 0;
      const at = now();
      const windowMs = rule.windowSeconds * 1000;
      const states = await awaitAll(keys.map((key) => storage.incrementCounter(key, windowMs, at)));
      const over = states.filter((state) => state.count > rule.max);
      if (over.length > 0) {
        const until = Math.max(...over.map((state) => state.resetAt.getTime()));
        throw refusal(code, new Date(until), at);
      }
      return Math.max(...states.map((state) => state.count));
    },
    reached(limit, count) {
      const rule = ruleOf(limit);
      return rule !== false && count >= rule.max;
    },
    async refund(limit, keys) {
      if (ruleOf(limit) === false) return;
      await awaitAll(keys.map((key) => storage.decrementCounter(key)));
    },
    async reset(keys) {
      await awaitAll(keys.map((key) => storage.resetCounter(key)));
    },
    async lock(limit, key) {
      const rule = ruleOf(limit);
      if (rule === false) return;
      await storage.incrementCounter(lockKey(key), rule.windowSeconds * 1000, now());
      await storage.resetCounter(key);
    },
    async assertNotLocked(limit, key, code) {
      if (ruleOf(limit) === false) return;
      const at = now();
      const lock = await storage.getCounter(lockKey(key), at);
      if (lock) throw refusal(code, lock.resetAt, at);
    },
  };
}
