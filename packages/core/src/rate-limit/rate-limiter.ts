import { awaitAll } from "../async/await-all.js";
import { AxorError } from "../errors/axor-error.js";
import type { ErrorCode } from "../errors/error-catalogue.js";
import type { ResolvedAxorOptions } from "../options/axor-options.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";

/**
 * Counts attempts in fixed windows, in storage (so every process shares them). Each attempt is
 * counted before it is judged, atomically, so a burst of parallel attempts cannot slip past.
 */
/** The limits Axor keeps: failed logins, registrations, email sending, 2FA codes. */
export type RateLimitName = "login" | "register" | "email" | "totp";

export interface RateLimiter {
  /** Counts one attempt on each key; throws `code` (429) with Retry-After when any is over. */
  hit(limit: RateLimitName, keys: string[], code?: ErrorCode): Promise<void>;
  /** Takes back one counted attempt per key (it succeeded, so it was no failure). */
  refund(limit: RateLimitName, keys: string[]): Promise<void>;
  /** Forgets the keys (e.g. an account's failed logins after a success). */
  reset(keys: string[]): Promise<void>;
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
      if (rule === false) return;
      const at = now();
      const windowMs = rule.windowSeconds * 1000;
      const states = await awaitAll(keys.map((key) => storage.incrementCounter(key, windowMs, at)));
      const over = states.filter((state) => state.count > rule.max);
      if (over.length === 0) return;
      const until = Math.max(...over.map((state) => state.resetAt.getTime()));
      const retryAfter = Math.max(1, Math.ceil((until - at.getTime()) / 1000));
      throw new AxorError(code, { headers: { "retry-after": String(retryAfter) } });
    },
    async refund(limit, keys) {
      if (ruleOf(limit) === false) return;
      await awaitAll(keys.map((key) => storage.decrementCounter(key)));
    },
    async reset(keys) {
      await awaitAll(keys.map((key) => storage.resetCounter(key)));
    },
  };
}
