import { randomUUID } from "node:crypto";
import type { SessionStorage, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, msAfter } from "./record-fixtures.js";
import { sessionHelpers } from "./session-fixture.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Conformance tests of `getLatestSession` and `listLiveSessions`: which sessions, in which order. */
export function describeSessionOrderVerbs(
  storage: StoreGetter<UserStorage & SessionStorage>,
): void {
  const { insertSession, liveIds } = sessionHelpers(storage);

  describe("newest first", () => {
    it("getLatestSession returns the newest session of the kind, even a revoked one", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      await insertSession(user.id, now, 3_000, { kind: "web" });
      const newestWeb = await insertSession(user.id, now, 2_000, { kind: "web" });
      const app = await insertSession(user.id, now, 1_000, { kind: "app" });
      const revokedAt = msAfter(now, 7);
      expect(await storage().revokeSession(user.id, newestWeb.id, revokedAt)).toBe(true);
      expectRecord(await storage().getLatestSession(user.id, "web"), { ...newestWeb, revokedAt });
      expectRecord(await storage().getLatestSession(user.id, "app"), { ...app, revokedAt: null });
    });

    it("getLatestSession returns an expired session when it is the newest", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      await insertSession(user.id, now, 3_000, { kind: "app" });
      const expired = await insertSession(user.id, now, 2_000, {
        kind: "app",
        expireAt: msAfter(now, -1_000),
      });
      expect((await storage().getLatestSession(user.id, "app"))?.id).toBe(expired.id);
    });

    it("getLatestSession returns null when the user has no session of the kind", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      await insertSession(user.id, now, 0, { kind: "app" });
      await insertSession(other.id, now, 0, { kind: "web" });
      expect(await storage().getLatestSession(user.id, "web")).toBeNull();
    });

    it("listLiveSessions lists only the user's live sessions of both kinds, newest first", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      const oldest = await insertSession(user.id, now, 30_000, { kind: "web" });
      const newest = await insertSession(user.id, now, 10_000, { kind: "web" });
      const middle = await insertSession(user.id, now, 20_000, { kind: "app" });
      await insertSession(user.id, now, 5_000, { expireAt: now });
      const revoked = await insertSession(user.id, now, 1_000, { kind: "app" });
      await storage().revokeSession(user.id, revoked.id, now);
      await insertSession(other.id, now, 0);

      const live = await storage().listLiveSessions(user.id, now);
      expect(live.map((session) => session.id)).toEqual([newest.id, middle.id, oldest.id]);
      expectRecord(live[1], { ...middle, revokedAt: null });
      expect(await storage().listLiveSessions(randomUUID(), now)).toEqual([]);
    });

    it("a createdAt tie is broken by id, descending, in listLiveSessions and getLatestSession", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID()).sort();
      const web = (id = "", ageMs = 1_000) => insertSession(user.id, now, ageMs, { id });
      // Ties inserted neither in id order nor against it, and a newer session with the least id.
      for (const id of [c, e, b, d]) await web(id);
      await web(a, 500);
      expect(await liveIds(user.id, now)).toEqual([a, e, d, c, b]);
      expect((await storage().getLatestSession(user.id, "web"))?.id).toBe(a);

      const [low, mid, high] = Array.from({ length: 3 }, () => randomUUID()).sort();
      for (const id of [mid, high, low]) await insertSession(user.id, now, 0, { id, kind: "app" });
      expect((await storage().getLatestSession(user.id, "app"))?.id).toBe(high);
      expect((await liveIds(user.id, now)).slice(0, 3)).toEqual([high, mid, low]);
    });
  });
}
