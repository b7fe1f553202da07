import { randomUUID } from "node:crypto";
import type { SessionStorage, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, msAfter } from "./record-fixtures.js";
import { sessionHelpers } from "./session-fixture.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Conformance tests of `revokeSession` and `revokeUserSessions`. */
export function describeSessionRevokeVerbs(
  storage: StoreGetter<UserStorage & SessionStorage>,
): void {
  const { insertSession, liveIds } = sessionHelpers(storage);

  describe("revocation", () => {
    it("revokeSession revokes the user's own live session once", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 0);
      expect(await storage().revokeSession(user.id, session.id, now)).toBe(true);
      expect(await storage().revokeSession(user.id, session.id, msAfter(now, 1))).toBe(false);
      expectRecord(await storage().getLatestSession(user.id, "web"), {
        ...session,
        revokedAt: now,
      });
    });

    it("revokeSession is false for another user's session, an unknown id or an expired one", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      const othersSession = await insertSession(other.id, now, 0);
      const expired = await insertSession(user.id, now, 0, { expireAt: now });
      expect(await storage().revokeSession(user.id, othersSession.id, now)).toBe(false);
      expect(await storage().revokeSession(user.id, randomUUID(), now)).toBe(false);
      expect(await storage().revokeSession(user.id, expired.id, now)).toBe(false);
      expect(await storage().getLiveSession(othersSession.keyHash, now)).not.toBeNull();
      expect((await storage().getLatestSession(user.id, "web"))?.revokedAt).toBeNull();
    });

    it("revokeUserSessions revokes the user's live sessions except exceptId and counts them", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      const kept = await insertSession(user.id, now, 4_000, { kind: "web" });
      const web = await insertSession(user.id, now, 3_000, { kind: "web" });
      const app = await insertSession(user.id, now, 2_000, { kind: "app" });
      await insertSession(user.id, now, 1_000, { expireAt: now });
      const revoked = await insertSession(user.id, now, 500);
      await storage().revokeSession(user.id, revoked.id, now);
      const othersSession = await insertSession(other.id, now, 0);

      const revokedAt = msAfter(now, 3);
      expect(await storage().revokeUserSessions(user.id, revokedAt, kept.id)).toBe(2);
      expect(await liveIds(user.id, revokedAt)).toEqual([kept.id]);
      expect((await storage().getLatestSession(user.id, "app"))?.revokedAt?.getTime()).toBe(
        revokedAt.getTime(),
      );
      expect(await storage().getLiveSession(web.keyHash, revokedAt)).toBeNull();
      expect(await storage().getLiveSession(app.keyHash, revokedAt)).toBeNull();
      expect(await liveIds(other.id, revokedAt)).toEqual([othersSession.id]);
    });

    it("revokeUserSessions without exceptId revokes them all; then there are none left", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      await insertSession(user.id, now, 2_000, { kind: "web" });
      await insertSession(user.id, now, 1_000, { kind: "app" });
      expect(await storage().revokeUserSessions(user.id, now)).toBe(2);
      expect(await liveIds(user.id, now)).toEqual([]);
      expect(await storage().revokeUserSessions(user.id, now)).toBe(0);
    });
  });
}
