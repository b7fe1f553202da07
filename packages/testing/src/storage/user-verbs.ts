import { randomUUID } from "node:crypto";
import { EmailTakenError, type UserPatch, type UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, makeNewUser, uniqueEmail } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Conformance tests of `UserStorage`: `createUser`, the two getters and `updateUser`. */
export function describeUserVerbs(storage: StoreGetter<UserStorage>): void {
  describe("users", () => {
    it("createUser returns the user and both getters read every field back", async () => {
      const user = makeNewUser({
        firstName: "Zoë",
        lastName: "O'Brien-李",
        timezone: "America/Argentina/Buenos_Aires",
        isActive: true,
        isEmailVerified: true,
        totpEnabled: true,
        createdAt: new Date("2024-02-29T23:59:58.123Z"),
        updatedAt: new Date("2024-03-01T00:00:01.987Z"),
      });
      expectRecord(await storage().createUser(user), user);
      expectRecord(await storage().getUserById(user.id), user);
      expectRecord(await storage().getUserByEmail(user.email), user);
    });

    it("createUser stores false booleans as false and defaults totpEnabled to false", async () => {
      const { totpEnabled: _omitted, ...user } = makeNewUser({
        isActive: false,
        isEmailVerified: false,
      });
      const expected = { ...user, totpEnabled: false };
      expectRecord(await storage().createUser(user), expected);
      expectRecord(await storage().getUserById(user.id), expected);
    });

    it("the getters return null for an unknown id or email", async () => {
      expect(await storage().getUserById(randomUUID())).toBeNull();
      expect(await storage().getUserByEmail(uniqueEmail("nobody"))).toBeNull();
    });

    it("updateUser changes every field it is given and returns the updated user", async () => {
      const user = await insertUser(storage(), { isActive: true, isEmailVerified: false });
      const patch = {
        email: uniqueEmail("renamed"),
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA",
        firstName: "Grace",
        lastName: "Hopper",
        timezone: "Asia/Tokyo",
        isActive: false,
        isEmailVerified: true,
        totpEnabled: true,
        updatedAt: new Date(user.updatedAt.getTime() + 61_001),
      } satisfies Required<Omit<UserPatch, "fields">>; // fields: see user-field-verbs.ts
      const expected = { ...user, ...patch };
      expectRecord(await storage().updateUser(user.id, patch), expected);
      expectRecord(await storage().getUserById(user.id), expected);
      expectRecord(await storage().getUserByEmail(patch.email), expected);
      expect(await storage().getUserByEmail(user.email)).toBeNull();
    });

    it("updateUser leaves the fields outside the patch as they were", async () => {
      const user = await insertUser(storage(), { isEmailVerified: true, totpEnabled: true });
      const patch = { firstName: "Katherine", updatedAt: new Date(user.updatedAt.getTime() + 5) };
      const expected = { ...user, ...patch };
      expectRecord(await storage().updateUser(user.id, patch), expected);
      expectRecord(await storage().getUserById(user.id), expected);
    });

    it("updateUser leaves a field whose patch value is undefined as it was", async () => {
      const user = await insertUser(storage(), { isEmailVerified: true, totpEnabled: true });
      const updatedAt = new Date(user.updatedAt.getTime() + 7);
      const patch: UserPatch = {
        email: undefined,
        passwordHash: undefined,
        firstName: undefined,
        lastName: "Only this changes",
        timezone: undefined,
        isActive: undefined,
        isEmailVerified: undefined,
        totpEnabled: undefined,
        fields: undefined,
        updatedAt,
      };
      const expected = { ...user, lastName: "Only this changes", updatedAt };
      expectRecord(await storage().updateUser(user.id, patch), expected);
      expectRecord(await storage().getUserById(user.id), expected);
      expectRecord(await storage().getUserByEmail(user.email), expected);
    });

    it("updateUser returns null for an unknown id", async () => {
      expect(await storage().updateUser(randomUUID(), { updatedAt: new Date() })).toBeNull();
    });

    it("updateUser to the user's own email is not a conflict", async () => {
      const user = await insertUser(storage());
      const patch = { email: user.email, lastName: "Same", updatedAt: new Date() };
      expectRecord(await storage().updateUser(user.id, patch), { ...user, ...patch });
    });

    it("createUser with a taken email throws EmailTakenError and keeps the first user", async () => {
      const first = await insertUser(storage());
      const second = makeNewUser({ email: first.email, firstName: "Impostor" });
      await expect(storage().createUser(second)).rejects.toBeInstanceOf(EmailTakenError);
      expectRecord(await storage().getUserByEmail(first.email), first);
      expect(await storage().getUserById(second.id)).toBeNull();
    });

    it("updateUser to another user's email throws EmailTakenError and changes nothing", async () => {
      const owner = await insertUser(storage());
      const other = await insertUser(storage());
      const patch = { email: owner.email, firstName: "Changed", updatedAt: new Date() };
      await expect(storage().updateUser(other.id, patch)).rejects.toBeInstanceOf(EmailTakenError);
      expectRecord(await storage().getUserById(other.id), other);
      expectRecord(await storage().getUserByEmail(owner.email), owner);
    });

    it("of 100 concurrent createUser with one email exactly one succeeds", async () => {
      const email = uniqueEmail("race");
      const attempts = Array.from({ length: 100 }, () => makeNewUser({ email }));
      const results = await Promise.allSettled(attempts.map((user) => storage().createUser(user)));
      const winners = results.flatMap((result) =>
        result.status === "fulfilled" ? [result.value] : [],
      );
      const losers = results.flatMap((result) =>
        result.status === "rejected" ? [result.reason] : [],
      );
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(99);
      for (const reason of losers) expect(reason).toBeInstanceOf(EmailTakenError);
      expect((await storage().getUserByEmail(email))?.id).toBe(winners[0]?.id);
    });
  });
}
