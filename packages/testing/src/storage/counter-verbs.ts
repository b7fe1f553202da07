import { randomUUID } from "node:crypto";
import type { RateLimitStore } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { msAfter } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

const WINDOW_MS = 60_000;

/** A counter key no other test uses, shaped like the core's rate-limit keys. */
function counterKey(): string {
  return `login:ip:198.51.100.${randomUUID()}`;
}

/** Conformance tests of `RateLimitStore`: the fixed-window rate-limit counters. */
export function describeCounterVerbs(store: StoreGetter<RateLimitStore>): void {
  async function increment(key: string, now: Date) {
    const state = await store().incrementCounter(key, WINDOW_MS, now);
    expect(state.resetAt).toBeInstanceOf(Date);
    return { count: state.count, resetAt: state.resetAt.getTime() };
  }

  describe("counters", () => {
    it("the first increment starts a window: count 1, resetAt = now + windowMs", async () => {
      const now = new Date();
      const windowEnd = now.getTime() + WINDOW_MS;
      expect(await increment(counterKey(), now)).toEqual({ count: 1, resetAt: windowEnd });
    });

    it("increments inside the window count up and keep resetAt", async () => {
      const now = new Date();
      const key = counterKey();
      const windowEnd = now.getTime() + WINDOW_MS;
      await increment(key, now);
      expect(await increment(key, msAfter(now, 1_000))).toEqual({ count: 2, resetAt: windowEnd });
      expect(await increment(key, msAfter(now, WINDOW_MS - 1))).toEqual({
        count: 3,
        resetAt: windowEnd,
      });
    });

    it("the window restarts at count 1 once resetAt <= now", async () => {
      const now = new Date();
      const key = counterKey();
      await increment(key, now);
      await increment(key, now);
      const windowEnd = msAfter(now, WINDOW_MS);
      expect(await increment(key, windowEnd)).toEqual({
        count: 1,
        resetAt: windowEnd.getTime() + WINDOW_MS,
      });
      const muchLater = msAfter(now, 10 * WINDOW_MS + 123);
      await increment(key, msAfter(windowEnd, 1));
      expect(await increment(key, muchLater)).toEqual({
        count: 1,
        resetAt: muchLater.getTime() + WINDOW_MS,
      });
    });

    it("the window length is the windowMs of the increment that starts it", async () => {
      const now = new Date();
      const key = counterKey();
      const first = await store().incrementCounter(key, 5_000, now);
      expect(first.resetAt.getTime()).toBe(now.getTime() + 5_000);
    });

    it("resetCounter starts the counter over; an unknown key is fine", async () => {
      const now = new Date();
      const key = counterKey();
      await increment(key, now);
      await increment(key, now);
      await store().resetCounter(key);
      const later = msAfter(now, 10);
      expect(await increment(key, later)).toEqual({
        count: 1,
        resetAt: later.getTime() + WINDOW_MS,
      });
      await expect(store().resetCounter(counterKey())).resolves.toBeUndefined();
    });

    it("getCounter reads the live window without counting, and null once it ended", async () => {
      const now = new Date();
      const key = counterKey();
      expect(await store().getCounter(key, now)).toBeNull();
      await increment(key, now);
      await increment(key, now);
      const state = await store().getCounter(key, msAfter(now, 10));
      expect(state?.resetAt).toBeInstanceOf(Date);
      expect({ count: state?.count, resetAt: state?.resetAt.getTime() }).toEqual({
        count: 2,
        resetAt: now.getTime() + WINDOW_MS,
      });
      expect((await increment(key, now)).count).toBe(3);
      expect(await store().getCounter(key, msAfter(now, WINDOW_MS))).toBeNull();
    });

    it("decrementCounter takes back one increment, never below zero, keeping the window", async () => {
      const now = new Date();
      const key = counterKey();
      const windowEnd = now.getTime() + WINDOW_MS;
      await increment(key, now);
      await increment(key, now);
      await store().decrementCounter(key);
      expect(await increment(key, now)).toEqual({ count: 2, resetAt: windowEnd });
      await Promise.all([1, 2, 3, 4].map(() => store().decrementCounter(key)));
      expect(await increment(key, now)).toEqual({ count: 1, resetAt: windowEnd });
      await expect(store().decrementCounter(counterKey())).resolves.toBeUndefined();
    });

    it("counters are independent per key", async () => {
      const now = new Date();
      const [first, second] = [counterKey(), counterKey()];
      await increment(first, now);
      await increment(first, now);
      expect((await increment(second, now)).count).toBe(1);
      expect((await increment(first, now)).count).toBe(3);
    });

    it("50 concurrent increments count to 50, each call seeing its own count", async () => {
      const now = new Date();
      const key = counterKey();
      const states = await Promise.all(Array.from({ length: 50 }, () => increment(key, now)));
      const counts = states.map((state) => state.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      for (const state of states) expect(state.resetAt).toBe(now.getTime() + WINDOW_MS);
      expect((await increment(key, now)).count).toBe(51);
    });
  });
}
