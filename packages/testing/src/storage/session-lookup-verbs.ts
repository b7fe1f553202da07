import type { SessionStorage, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, msAfter, randomHash } from "./record-fixtures.js";
import { HOUR_MS, sessionHelpers } from "./session-fixture.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Conformance tests of `getLiveSession` (the hot path) and `touchSession`. */
export function describeSessionLookupVerbs(
  storage: StoreGetter<UserStorage & SessionStorage>,
): void {
  const { insertSession } = sessionHelpers(storage);

  describe("the live session", () => {
    it("getLiveSession returns the session with its user in one read", async () => {
      const now = new Date();
      const user = await insertUser(storage(), { isEmailVerified: true });
      const session = await insertSession(user.id, now, 1_500, { kind: "app" });
      const found = await storage().getLiveSession(session.keyHash, now);
      expectRecord(found?.session, { ...session, revokedAt: null });
      expectRecord(found?.user, user);
    });

    it("getLiveSession keeps a null ip and user agent null", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 0, { ip: null, ua: null });
      const found = await storage().getLiveSession(session.keyHash, now);
      expectRecord(found?.session, { ...session, revokedAt: null });
    });

    it("getLiveSession returns null for an unknown key hash", async () => {
      expect(await storage().getLiveSession(randomHash(), new Date())).toBeNull();
    });

    it("getLiveSession ignores a session once expireAt <= now", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 0, { expireAt: msAfter(now, 1_000) });
      expect(await storage().getLiveSession(session.keyHash, msAfter(now, 999))).not.toBeNull();
      expect(await storage().getLiveSession(session.keyHash, msAfter(now, 1_000))).toBeNull();
      expect(await storage().getLiveSession(session.keyHash, msAfter(now, 1_001))).toBeNull();
    });

    it("getLiveSession ignores a revoked session", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 0);
      expect(await storage().revokeSession(user.id, session.id, now)).toBe(true);
      expect(await storage().getLiveSession(session.keyHash, now)).toBeNull();
    });

    it("getLiveSession reads the user as it is now", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 0);
      expectRecord((await storage().getLiveSession(session.keyHash, now))?.user, user);
      const patch = { firstName: "Updated", isEmailVerified: true, updatedAt: msAfter(now, 1) };
      await storage().updateUser(user.id, patch);
      expectRecord((await storage().getLiveSession(session.keyHash, now))?.user, {
        ...user,
        ...patch,
      });
    });

    it("touchSession sets expireAt, lastUsedAt and updatedAt and nothing else", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const session = await insertSession(user.id, now, 60_000, { expireAt: msAfter(now, 1_000) });
      const usedAt = msAfter(now, 500);
      const expireAt = msAfter(now, 2 * HOUR_MS);
      await storage().touchSession(session.id, expireAt, usedAt);
      const later = msAfter(now, HOUR_MS);
      const found = await storage().getLiveSession(session.keyHash, later);
      expectRecord(found?.session, {
        ...session,
        expireAt,
        lastUsedAt: usedAt,
        updatedAt: usedAt,
        revokedAt: null,
      });
    });
  });
}
