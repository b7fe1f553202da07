import type { StorageAdapter } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import {
  insertUser,
  makeNewSession,
  makeNewUser,
  makeOneTimeToken,
  makeTotpRecord,
  msAfter,
  randomHash,
} from "./record-fixtures.js";
import { scribble } from "./scribble.js";
import { HOUR_MS } from "./session-fixture.js";
import type { StoreGetter } from "./storage-fixture.js";

/**
 * Conformance tests of the rule that records go in and come out as copies: changing an object
 * after passing it in, or one a verb returned, never changes what is stored. A store in the
 * process (a `Map`, a cache) breaks it by keeping or handing out its own objects.
 */
export function describeRecordCopies(storage: StoreGetter<StorageAdapter>): void {
  /** A live web session of `userId`, created a second before `now`, stored. */
  async function storedSession(userId: string, now: Date) {
    const session = makeNewSession(userId, {
      createdAt: msAfter(now, -1_000),
      updatedAt: msAfter(now, -1_000),
      lastUsedAt: msAfter(now, -1_000),
      expireAt: msAfter(now, HOUR_MS),
    });
    const expected = { ...structuredClone(session), revokedAt: null };
    await storage().createSession(session);
    return { session, expected };
  }

  describe("records are copies", () => {
    it("changing a NewUser after createUser, or the user it returned, changes nothing stored", async () => {
      const input = makeNewUser({ totpEnabled: false });
      const expected = structuredClone(input);
      const created = await storage().createUser(input);
      scribble(input);
      scribble(created);
      expectRecord(await storage().getUserById(expected.id), expected);
      expectRecord(await storage().getUserByEmail(expected.email), expected);
    });

    it("changing a user the getters or updateUser returned, or the patch, changes nothing stored", async () => {
      const user = await insertUser(storage());
      const patch = { firstName: "Patched", updatedAt: msAfter(user.updatedAt, 5) };
      const expected = { ...structuredClone(user), ...structuredClone(patch) };
      const updated = await storage().updateUser(user.id, patch);
      scribble(patch);
      for (const returned of [
        updated,
        await storage().getUserById(user.id),
        await storage().getUserByEmail(expected.email),
      ]) {
        expectRecord(returned, expected);
        if (returned) scribble(returned);
      }
      expectRecord(await storage().getUserById(user.id), expected);
      expectRecord(await storage().getUserByEmail(expected.email), expected);
    });

    it("changing a NewSession, or the Dates given to touch or revoke it, changes nothing stored", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const { session, expected } = await storedSession(user.id, now);
      scribble(session);
      expectRecord((await storage().getLiveSession(expected.keyHash, now))?.session, expected);

      const [usedAt, expireAt] = [msAfter(now, 10), msAfter(now, 2 * HOUR_MS)];
      const touched = {
        ...expected,
        expireAt: new Date(expireAt),
        lastUsedAt: new Date(usedAt),
        updatedAt: new Date(usedAt),
      };
      await storage().touchSession(expected.id, expireAt, usedAt);
      scribble(usedAt);
      scribble(expireAt);
      expectRecord((await storage().getLiveSession(expected.keyHash, now))?.session, touched);

      const revokedAt = msAfter(now, 20);
      expect(await storage().revokeSession(user.id, expected.id, revokedAt)).toBe(true);
      const revoked = { ...touched, revokedAt: new Date(revokedAt) };
      scribble(revokedAt);
      expectRecord(await storage().getLatestSession(user.id, "web"), revoked);

      const app = makeNewSession(user.id, { kind: "app", expireAt: msAfter(now, HOUR_MS) });
      await storage().createSession(app);
      const allRevokedAt = msAfter(now, 30);
      expect(await storage().revokeUserSessions(user.id, allRevokedAt)).toBe(1);
      const wanted = allRevokedAt.getTime();
      scribble(allRevokedAt);
      expect((await storage().getLatestSession(user.id, "app"))?.revokedAt?.getTime()).toBe(wanted);
    });

    it("changing a session or user that a session verb returned changes nothing stored", async () => {
      const now = new Date();
      const user = await insertUser(storage(), { isEmailVerified: true });
      const expectedUser = structuredClone(user);
      const { expected } = await storedSession(user.id, now);
      const returned = [
        await storage().getLiveSession(expected.keyHash, now),
        await storage().getLatestSession(user.id, "web"),
        await storage().listLiveSessions(user.id, now),
      ];
      for (const record of returned) if (record) scribble(record);

      const again = await storage().getLiveSession(expected.keyHash, now);
      expectRecord(again?.session, expected);
      expectRecord(again?.user, expectedUser);
      expectRecord(await storage().getUserById(user.id), expectedUser);
      expectRecord(await storage().getLatestSession(user.id, "web"), expected);
      const live = await storage().listLiveSessions(user.id, now);
      expect(live).toHaveLength(1);
      expectRecord(live[0], expected);
    });

    it("changing a token after createOneTimeToken, or one findOneTimeToken returned, changes nothing stored", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const token = makeOneTimeToken(user, { purpose: "reset_password" });
      const expected = structuredClone(token);
      await storage().createOneTimeToken(token);
      scribble(token);
      const { tokenHash, purpose } = expected;
      const found = await storage().findOneTimeToken(tokenHash, purpose, now);
      expectRecord(found, expected);
      if (found) scribble(found);
      expectRecord(await storage().findOneTimeToken(tokenHash, purpose, now), expected);
      expectRecord(await storage().consumeOneTimeToken(tokenHash, purpose, now), expected);
    });

    it("changing a TOTP record or code list after it was saved, or one getTotp returned, changes nothing stored", async () => {
      const user = await insertUser(storage());
      const totp = makeTotpRecord(user.id, { lastUsedStep: 5 });
      const expected = structuredClone(totp);
      const codes = [randomHash(), randomHash()];
      const [savedCode = ""] = codes;
      await storage().saveTotp(totp, codes);
      scribble(totp);
      const injected = randomHash();
      codes.splice(0, codes.length, injected);
      const read = await storage().getTotp(user.id);
      expectRecord(read, expected);
      if (read) scribble(read);
      expectRecord(await storage().getTotp(user.id), expected);
      expect(await storage().useBackupCode(user.id, injected)).toBe(false);
      expect(await storage().useBackupCode(user.id, savedCode)).toBe(true);

      const replacements = [randomHash(), randomHash()];
      const [replacement = ""] = replacements;
      await storage().replaceBackupCodes(user.id, replacements);
      replacements.splice(0, replacements.length, injected);
      expect(await storage().useBackupCode(user.id, injected)).toBe(false);
      expect(await storage().useBackupCode(user.id, replacement)).toBe(true);
    });
  });
}
