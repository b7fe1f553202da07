import { describe, expect, it } from "vitest";
import { memoryStorage } from "./memory-storage.js";
import type { NewUser } from "./records.js";

// The full contract is checked by describeStorageAdapter in packages/testing; this file checks
// what only an in-process store can get wrong: sharing objects with its callers.

function newUser(): NewUser {
  const now = new Date("2025-01-01T00:00:00.000Z");
  return {
    id: "6f1c2a7e-0000-4000-8000-000000000001",
    email: "copy@example.com",
    passwordHash: "hash",
    firstName: "Ada",
    lastName: "Lovelace",
    timezone: "UTC",
    isActive: true,
    isEmailVerified: false,
    createdAt: now,
    updatedAt: now,
  };
}

describe("memoryStorage", () => {
  it("keeps its own copy of a created user", async () => {
    const storage = memoryStorage();
    const input = newUser();
    const created = await storage.createUser(input);
    input.firstName = "Changed";
    input.createdAt.setTime(0);
    created.lastName = "Changed";
    created.updatedAt.setTime(0);
    const stored = await storage.getUserById(input.id);
    expect(stored?.firstName).toBe("Ada");
    expect(stored?.lastName).toBe("Lovelace");
    expect(stored?.createdAt.getTime()).toBe(Date.parse("2025-01-01T00:00:00.000Z"));
    expect(stored?.updatedAt.getTime()).toBe(Date.parse("2025-01-01T00:00:00.000Z"));
  });

  it("returns sessions and users that cannot change what is stored", async () => {
    const storage = memoryStorage();
    const user = await storage.createUser(newUser());
    const at = new Date("2025-01-01T00:00:00.000Z");
    const expireAt = new Date("2025-01-02T00:00:00.000Z");
    await storage.createSession({
      ...{ id: "s1", userId: user.id, kind: "web", keyHash: "k1", ip: null, ua: null },
      ...{ createdAt: at, updatedAt: at, lastUsedAt: at, expireAt },
    });
    const usedAt = new Date("2025-01-01T01:00:00.000Z");
    await storage.touchSession("s1", new Date(expireAt), usedAt);
    usedAt.setTime(0);
    const first = await storage.getLiveSession("k1", at);
    first?.session.expireAt.setTime(0);
    if (first) first.user.email = "changed@example.com";
    const again = await storage.getLiveSession("k1", at);
    expect(again?.session.expireAt.getTime()).toBe(expireAt.getTime());
    expect(again?.session.lastUsedAt.getTime()).toBe(Date.parse("2025-01-01T01:00:00.000Z"));
    expect(again?.user.email).toBe("copy@example.com");
  });

  it("returns counter states that cannot move the stored window", async () => {
    const storage = memoryStorage();
    const now = new Date("2025-01-01T00:00:00.000Z");
    const state = await storage.incrementCounter("k", 1_000, now);
    state.resetAt.setTime(0);
    const next = await storage.incrementCounter("k", 1_000, now);
    expect(next).toEqual({ count: 2, resetAt: new Date(now.getTime() + 1_000) });
  });
});
