import type { ExpiredRowSweeper, StorageAdapter } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import {
  insertUser,
  makeNewSession,
  makeOneTimeToken,
  msAfter,
  randomHash,
} from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Enough to sweep every dead row the earlier tests of a suite left behind, in one call. */
const EVERYTHING = 100_000;

/** Conformance tests of the optional `ExpiredRowSweeper`. */
export function describeSweepVerbs(storage: StoreGetter<StorageAdapter & ExpiredRowSweeper>) {
  describe("sweeping expired rows", () => {
    it("sweepExpired deletes expired and revoked sessions and keeps live ones", async () => {
      const now = new Date();
      const [expired, revoked, live] = await Promise.all([
        insertUser(storage()),
        insertUser(storage()),
        insertUser(storage()),
      ]);
      await storage().createSession(makeNewSession(expired.id, { expireAt: now }));
      await storage().createSession(makeNewSession(revoked.id, { expireAt: msAfter(now, 60_000) }));
      await storage().revokeUserSessions(revoked.id, msAfter(now, -1));
      const kept = makeNewSession(live.id, { expireAt: msAfter(now, 1) });
      await storage().createSession(kept);

      const swept = await storage().sweepExpired(now, EVERYTHING);
      expect(swept.sessions).toBeGreaterThanOrEqual(2);
      expect(await storage().getLatestSession(expired.id, "web")).toBeNull();
      expect(await storage().getLatestSession(revoked.id, "web")).toBeNull();
      expect((await storage().getLatestSession(live.id, "web"))?.id).toBe(kept.id);
    });

    it("sweepExpired deletes expired one-time tokens and keeps live ones", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const dead = makeOneTimeToken(user, { tokenHash: randomHash(), expireAt: now });
      const live = makeOneTimeToken(user, { tokenHash: randomHash(), expireAt: msAfter(now, 1) });
      await storage().createOneTimeToken(dead);
      await storage().createOneTimeToken(live);

      const swept = await storage().sweepExpired(now, EVERYTHING);
      expect(swept.oneTimeTokens).toBeGreaterThanOrEqual(1);
      const before = msAfter(now, -1);
      expect(await storage().findOneTimeToken(dead.tokenHash, dead.purpose, before)).toBeNull();
      expect(await storage().findOneTimeToken(live.tokenHash, live.purpose, now)).not.toBeNull();
    });

    it("sweepExpired deletes at most `limit` rows of a kind per call", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      for (let i = 0; i < 3; i++) {
        await storage().createSession(makeNewSession(user.id, { expireAt: msAfter(now, -i) }));
      }
      expect((await storage().sweepExpired(now, 2)).sessions).toBe(2);
      expect((await storage().sweepExpired(now, EVERYTHING)).sessions).toBeGreaterThanOrEqual(1);
      expect(await storage().getLatestSession(user.id, "web")).toBeNull();
      expect(await storage().sweepExpired(now, EVERYTHING)).toMatchObject({
        sessions: 0,
        oneTimeTokens: 0,
      });
    });

    it("two sweeps at once delete each dead row once", async () => {
      const now = new Date();
      // Every row dead at `now` that earlier tests left (one may expire just now) goes first.
      await storage().sweepExpired(now, EVERYTHING);
      const user = await insertUser(storage());
      for (let i = 0; i < 6; i++) {
        await storage().createSession(makeNewSession(user.id, { expireAt: now }));
      }
      const [a, b] = await Promise.all([
        storage().sweepExpired(now, EVERYTHING),
        storage().sweepExpired(now, EVERYTHING),
      ]);
      expect(a.sessions + b.sessions).toBe(6);
      expect(await storage().getLatestSession(user.id, "web")).toBeNull();
    });
  });
}
