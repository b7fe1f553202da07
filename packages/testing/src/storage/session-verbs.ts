import { randomUUID } from "node:crypto";
import type { NewSession } from "@axor/core";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, makeNewSession, msAfter, randomHash } from "./record-fixtures.js";
import type { StorageGetter } from "./storage-fixture.js";

const HOUR_MS = 60 * 60 * 1000;

/** Conformance tests of the session verbs (web sessions and app tokens). */
export function describeSessionVerbs(storage: StorageGetter): void {
  /** Stores a session of `userId` created `ageMs` before `now`, live for an hour after `now`. */
  async function insertSession(
    userId: string,
    now: Date,
    ageMs: number,
    overrides: Partial<NewSession> = {},
  ): Promise<NewSession> {
    const createdAt = msAfter(now, -ageMs);
    const session = makeNewSession(userId, {
      createdAt,
      updatedAt: createdAt,
      lastUsedAt: createdAt,
      expireAt: msAfter(now, HOUR_MS),
      ...overrides,
    });
    await storage().createSession(session);
    return session;
  }

  async function liveIds(userId: string, now: Date): Promise<string[]> {
    return (await storage().listLiveSessions(userId, now)).map((session) => session.id);
  }

  describe("sessions", () => {
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
