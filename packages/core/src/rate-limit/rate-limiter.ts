import { awaitAll } from "../await-all.js";
import type { ErrorCode } from "../errors/error-catalogue.js";
import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import type { CounterState } from "../storage/records.js";
import type { RateLimitStore } from "../storage/storage-adapter.js";
import { type AttemptTicket, admitAttempt } from "./attempt-gate.js";
import { rateLimitRefusal as refusal } from "./rate-limit-refusal.js";

/** The limits Axor keeps: failed logins, registrations, 2FA codes, emails asked for. */
export type RateLimitName = "login" | "loginAccount" | "register" | "totp" | "email";

/**
 * Counts attempts in fixed windows, in the rate-limit store (shared by every process that uses
 * the same one). Each attempt is
 * counted before it is judged, atomically, so a burst of parallel attempts cannot slip past.
 * A lock is a window of its own, opened at a moment of the caller's choosing; it never resets
 * the count.
 */
export interface RateLimiter {
  /**
   * Counts one attempt on each key; throws `code` (429) with Retry-After when any is over.
   * Returns the highest count (0 when the limit is off).
   */
  hit(limit: RateLimitName, keys: string[], code?: ErrorCode): Promise<number>;
  /**
   * Admits one attempt to be judged against `keys`, where only failures count (see
   * `admitAttempt`): refused (`code`, 429) while any key is over the limit; otherwise waits its
   * turn while others are judged. The ticket says how the attempt ended.
   */
  admit(limit: RateLimitName, keys: string[], code?: ErrorCode): Promise<AttemptTicket>;
  /** True when `count` attempts use up the limit (the next one would be refused). */
  reached(limit: RateLimitName, count: number): boolean;
  /** Takes back one counted attempt per key (it succeeded, or was never judged). */
  refund(limit: RateLimitName, keys: string[]): Promise<void>;
  /** Forgets the keys (e.g. an account's failed logins after a success). */
  reset(keys: string[]): Promise<void>;
  /**
   * Locks `key` for one window of the limit, from now. The count is left as it is: an attempt
   * that slips between the lock check and the count is still counted against the limit.
   */
  lock(limit: RateLimitName, key: string): Promise<void>;
  /** Throws `code` (429) with Retry-After while `key` is locked. */
  assertNotLocked(limit: RateLimitName, key: string, code: ErrorCode): Promise<void>;
  /**
   * Claims the cooldown `key` for `seconds` (no rule: on even when `rateLimits` is false; 0
   * switches it off). Throws `code` (429) with Retry-After while an earlier claim's cooldown
   * runs; of parallel claims exactly one wins. `reset([key])` gives a claim back.
   */
  claimCooldown(key: string, seconds: number, code: ErrorCode): Promise<void>;
  /** Starts the cooldown `key` afresh: `seconds` from now, whatever ran before. */
  startCooldown(key: string, seconds: number): Promise<void>;
  /**
   * Opens a window of `seconds` under `key` unless one runs (no gap: a window that runs is
   * left as it is, never reset and reopened).
   */
  remember(key: string, seconds: number): Promise<void>;
  /** True while a window (a cooldown, or one that `remember` opened) under `key` runs. */
  isRunning(key: string): Promise<boolean>;
}

const lockKey = (key: string) => `lock:${key}`;

/** The rate limiter over `store`, with the resolved `rules`. */
export function createRateLimiter(
  store: RateLimitStore,
  rules: ResolvedAxorOptions["rateLimits"],
  now: () => Date,
): RateLimiter {
  const ruleOf = (limit: RateLimitName) => (rules === false ? false : rules[limit]);
  return {
    async hit(limit, keys, code = "RateLimited") {
      const rule = ruleOf(limit);
      if (rule === false || keys.length === 0) return 0;
      const at = now();
      const windowMs = rule.windowSeconds * 1000;
      const counted = await Promise.allSettled(
        keys.map((key) => store.incrementCounter(key, windowMs, at)),
      );
      const failed = counted.find((result) => result.status === "rejected");
      if (failed) {
        // Not judged: take back the counts that did land, so a storage fault costs no attempt.
        const landed = keys.filter((_, i) => counted[i]?.status === "fulfilled");
        await Promise.allSettled(landed.map((key) => store.decrementCounter(key)));
        throw failed.reason;
      }
      const states = counted.map(
        (result) => (result as PromiseFulfilledResult<CounterState>).value,
      );
      const over = states.filter((state) => state.count > rule.max);
      if (over.length > 0) {
        const until = Math.max(...over.map((state) => state.resetAt.getTime()));
        throw refusal(code, new Date(until), at);
      }
      return Math.max(...states.map((state) => state.count));
    },
    admit(limit, keys, code = "RateLimited") {
      const rule = ruleOf(limit);
      // A switched-off limit admits at once, with a ticket that counts nothing.
      if (rule === false) return admitAttempt(store, { max: 1, windowSeconds: 1 }, [], now, code);
      return admitAttempt(store, rule, keys, now, code);
    },
    reached(limit, count) {
      const rule = ruleOf(limit);
      return rule !== false && count >= rule.max;
    },
    async refund(limit, keys) {
      if (ruleOf(limit) === false) return;
      await awaitAll(keys.map((key) => store.decrementCounter(key)));
    },
    async reset(keys) {
      await awaitAll(keys.map((key) => store.resetCounter(key)));
    },
    async lock(limit, key) {
      const rule = ruleOf(limit);
      if (rule === false) return;
      await store.incrementCounter(lockKey(key), rule.windowSeconds * 1000, now());
    },
    async assertNotLocked(limit, key, code) {
      if (ruleOf(limit) === false) return;
      const at = now();
      const lock = await store.getCounter(lockKey(key), at);
      if (lock) throw refusal(code, lock.resetAt, at);
    },
    async claimCooldown(key, seconds, code) {
      if (seconds <= 0) return;
      const at = now();
      const state = await store.incrementCounter(key, seconds * 1000, at);
      if (state.count > 1) throw refusal(code, state.resetAt, at);
    },
    async remember(key, seconds) {
      await store.incrementCounter(key, seconds * 1000, now());
    },
    async isRunning(key) {
      return (await store.getCounter(key, now())) !== null;
    },
    async startCooldown(key, seconds) {
      if (seconds <= 0) return;
      await store.resetCounter(key);
      await store.incrementCounter(key, seconds * 1000, now());
    },
  };
}
