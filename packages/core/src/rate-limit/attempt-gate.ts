import type { ErrorCode } from "../errors/error-catalogue.js";
import type { CounterState } from "../storage/records.js";
import type { RateLimitStore } from "../storage/storage-adapter.js";
import { rateLimitRefusal } from "./rate-limit-refusal.js";

/** One admitted attempt: say how it ended, exactly once. */
export interface AttemptTicket {
  /** It was judged wrong: counts one failure on each key. */
  failed(): Promise<void>;
  /** It was judged right: the keys' failures are forgotten too, unless `forget` is false. */
  succeeded(forget?: boolean): Promise<void>;
  /** It was never judged (a storage fault): it costs nothing. */
  abandoned(): Promise<void>;
}

/** How long an attempt waits for a turn while others against the same keys are judged. */
export const ADMISSION_WAIT_MS = 10_000;
/** In-flight counts live this long at most: a process that died mid-attempt heals by then. */
const IN_FLIGHT_WINDOW_MS = 60_000;
const inFlightKey = (key: string) => `busy:${key}`;

const NO_TICKET: AttemptTicket = {
  failed: async () => {},
  succeeded: async () => {},
  abandoned: async () => {},
};

/**
 * Admits an attempt (a password to judge) against `keys`, counting only FAILURES toward the
 * rule. Over the rule, it is refused at once (`code`, Retry-After). Otherwise it takes an
 * in-flight turn on every key; failures plus attempts being judged never exceed `max`, so a
 * parallel burst cannot get more guesses judged than the rule allows, and attempts beyond
 * that wait (polling the shared store, up to `waitMs`) instead of being refused:
 * fifty parallel correct logins all succeed, and none of them counts.
 */
export async function admitAttempt(
  store: RateLimitStore,
  rule: { max: number; windowSeconds: number },
  keys: string[],
  now: () => Date,
  code: ErrorCode,
  waitMs = ADMISSION_WAIT_MS,
): Promise<AttemptTicket> {
  if (keys.length === 0) return NO_TICKET;
  const windowMs = rule.windowSeconds * 1000;
  // Real time, not the injected clock: a test's frozen clock must not make the wait endless.
  const giveUpAt = performance.now() + waitMs;
  const giveBack = () =>
    Promise.allSettled(keys.map((key) => store.decrementCounter(inFlightKey(key))));
  // A judged attempt's turn wakes the waiting ones; a turn taken and given back at once
  // (it did not fit) wakes nobody, or waiters would wake each other in a loop.
  const release = async () => {
    await giveBack();
    turnsGivenBack(store, keys);
  };
  for (let round = 0; ; round++) {
    const at = now();
    const failures = await Promise.all(keys.map((key) => store.getCounter(key, at)));
    const over = failures.filter((state) => state !== null && state.count >= rule.max);
    if (over.length > 0) {
      const until = Math.max(...over.map((state) => state?.resetAt.getTime() ?? 0));
      throw rateLimitRefusal(code, new Date(until), at);
    }
    const taken = await Promise.allSettled(
      keys.map((key) => store.incrementCounter(inFlightKey(key), IN_FLIGHT_WINDOW_MS, at)),
    );
    const fault = taken.find((result) => result.status === "rejected");
    if (fault) {
      // Not admitted: the turns that were taken go back, and the fault is the answer.
      const landed = keys.filter((_, i) => taken[i]?.status === "fulfilled");
      await Promise.allSettled(landed.map((key) => store.decrementCounter(inFlightKey(key))));
      throw fault.reason;
    }
    const inFlight = taken.map((result) => (result as PromiseFulfilledResult<CounterState>).value);
    const fits = inFlight.every((state, i) => (failures[i]?.count ?? 0) + state.count <= rule.max);
    if (fits) return ticket(store, keys, windowMs, now, release);
    await giveBack();
    if (performance.now() >= giveUpAt) {
      throw rateLimitRefusal(code, new Date(at.getTime() + 1000), at);
    }
    // Woken at once by a turn given back in this process; other processes' are polled for.
    await nextTurn(store, keys, Math.min(25 * 2 ** round, 250) * (0.5 + Math.random()));
  }
}

function ticket(
  store: RateLimitStore,
  keys: string[],
  windowMs: number,
  now: () => Date,
  release: () => Promise<unknown>,
): AttemptTicket {
  return {
    async failed() {
      // The failure lands before the turn is given back: the sum never dips below the truth.
      await Promise.all(keys.map((key) => store.incrementCounter(key, windowMs, now()))).finally(
        release,
      );
    },
    async succeeded(forget = true) {
      if (!forget) return void (await release());
      await Promise.all(keys.map((key) => store.resetCounter(key))).finally(release);
    },
    async abandoned() {
      await release();
    },
  };
}

/** Attempts of this process waiting for a turn, by store and key. */
const waiting = new WeakMap<RateLimitStore, Map<string, Set<() => void>>>();

/** Resolves when a turn on one of `keys` is given back in this process, or after `ms`. */
function nextTurn(store: RateLimitStore, keys: string[], ms: number): Promise<void> {
  let queues = waiting.get(store);
  if (!queues) {
    queues = new Map();
    waiting.set(store, queues);
  }
  const byKey = queues;
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      for (const key of keys) {
        const queue = byKey.get(key);
        queue?.delete(wake);
        if (queue?.size === 0) byKey.delete(key);
      }
      resolve();
    };
    const timer = setTimeout(wake, ms);
    for (const key of keys) {
      const queue = byKey.get(key) ?? new Set<() => void>();
      queue.add(wake);
      byKey.set(key, queue);
    }
  });
}

/** Wakes this process's attempts waiting on `keys`. */
function turnsGivenBack(store: RateLimitStore, keys: string[]): void {
  const byKey = waiting.get(store);
  if (!byKey) return;
  for (const key of keys) for (const wake of [...(byKey.get(key) ?? [])]) wake();
}
