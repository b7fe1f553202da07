import { describe, expect, it } from "vitest";
import { memoryRateLimitStore } from "../src/index.js";
import { admitAttempt } from "../src/rate-limit/attempt-gate.js";
import { StorageUnavailableError } from "../src/storage.js";

const rule = { max: 3, windowSeconds: 60 };
const frozen = new Date("2026-01-01T00:00:00Z");
const now = () => frozen; // a frozen clock must not make a wait endless

describe("admitAttempt", () => {
  it("counts only failures; at max it refuses at once with Retry-After up to the window's end", async () => {
    const store = memoryRateLimitStore();
    for (let i = 0; i < 3; i++)
      await (await admitAttempt(store, rule, ["k"], now, "RateLimited")).failed();
    expect((await store.getCounter("k", frozen))?.count).toBe(3);
    const refused = admitAttempt(store, rule, ["k"], now, "RateLimited");
    await expect(refused).rejects.toMatchObject({
      code: "RateLimited",
      headers: { "retry-after": "60" },
    });
  });

  it("a success forgets the failures, or keeps them when told to", async () => {
    const store = memoryRateLimitStore();
    await (await admitAttempt(store, rule, ["a", "b"], now, "RateLimited")).failed();
    await (await admitAttempt(store, rule, ["a"], now, "RateLimited")).succeeded(false);
    expect((await store.getCounter("a", frozen))?.count).toBe(1);
    await (await admitAttempt(store, rule, ["a"], now, "RateLimited")).succeeded();
    expect(await store.getCounter("a", frozen)).toBeNull();
    expect((await store.getCounter("b", frozen))?.count).toBe(1);
  });

  it("beyond max attempts in flight, the next one waits and is woken when a turn is given back", async () => {
    const store = memoryRateLimitStore();
    const held = await Promise.all(
      [1, 2, 3].map(() => admitAttempt(store, rule, ["k"], now, "RateLimited")),
    );
    let admitted = false;
    const waiting = admitAttempt(store, rule, ["k"], now, "RateLimited", 5_000).then((ticket) => {
      admitted = true;
      return ticket;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admitted).toBe(false);
    await held[0]?.succeeded();
    const ticket = await waiting;
    expect(admitted).toBe(true);
    for (const other of [...held.slice(1), ticket]) await other.abandoned();
    expect((await store.getCounter("busy:k", frozen))?.count).toBe(0);
  });

  it("gives up after its wait with RateLimited, and leaves no turn taken", async () => {
    const store = memoryRateLimitStore();
    const held = await Promise.all(
      [1, 2, 3].map(() => admitAttempt(store, rule, ["k"], now, "RateLimited")),
    );
    await expect(admitAttempt(store, rule, ["k"], now, "RateLimited", 100)).rejects.toMatchObject({
      code: "RateLimited",
    });
    expect((await store.getCounter("busy:k", frozen))?.count).toBe(3);
    for (const ticket of held) await ticket.failed();
    expect((await store.getCounter("busy:k", frozen))?.count).toBe(0);
    expect((await store.getCounter("k", frozen))?.count).toBe(3);
  });

  it("a store that fails while turns are taken gives back the turns that landed and throws its fault", async () => {
    const store = memoryRateLimitStore();
    const flaky = {
      ...store,
      incrementCounter: (key: string, windowMs: number, at: Date) =>
        key === "busy:b"
          ? Promise.reject(new StorageUnavailableError())
          : store.incrementCounter(key, windowMs, at),
    };
    await expect(admitAttempt(flaky, rule, ["a", "b"], now, "RateLimited")).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect((await store.getCounter("busy:a", frozen))?.count).toBe(0);
  });
});
