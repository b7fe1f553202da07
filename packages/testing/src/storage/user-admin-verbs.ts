import { randomUUID } from "node:crypto";
import type { StorageAdapter, UserAdminStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import {
  insertUser,
  makeNewSession,
  makeOneTimeToken,
  makeTotpRecord,
  msAfter,
  randomHash,
} from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/** A marker no other test's users carry, so a search finds only this test's users. */
const marker = () => `m${randomUUID().replaceAll("-", "").slice(0, 12)}`;

/** Conformance tests of the optional `UserAdminStorage`: `listUsers` and `deleteUser`. */
export function describeUserAdminVerbs(storage: StoreGetter<StorageAdapter & UserAdminStorage>) {
  describe("user administration", () => {
    it("listUsers pages the matching users oldest first and counts them all", async () => {
      const tag = marker();
      const base = new Date("2031-05-01T10:00:00.000Z");
      const created = [];
      for (const [index, name] of ["Ada", "Grace", "Edsger", "Barbara", "Alan"].entries()) {
        created.push(
          await insertUser(storage(), {
            firstName: name,
            lastName: `${tag}-${index}`,
            createdAt: msAfter(base, (5 - index) * 1000),
          }),
        );
      }
      const oldestFirst = [...created].reverse().map((user) => user.id);
      const first = await storage().listUsers({ search: tag, offset: 0, limit: 2 });
      expect(first.total).toBe(5);
      expect(first.users.map((user) => user.id)).toEqual(oldestFirst.slice(0, 2));
      const last = await storage().listUsers({ search: tag, offset: 4, limit: 2 });
      expect(last.users.map((user) => user.id)).toEqual(oldestFirst.slice(4));
      expectRecord(last.users[0], created[0] as (typeof created)[number]);
      const beyond = await storage().listUsers({ search: tag, offset: 5, limit: 2 });
      expect(beyond).toEqual({ users: [], total: 5 });
    });

    it("listUsers searches email, first and last name, ignoring case", async () => {
      const tag = marker();
      const byEmail = await insertUser(storage(), { email: `${tag}@example.com` });
      const byFirst = await insertUser(storage(), { firstName: `Q${tag.toUpperCase()}` });
      const byLast = await insertUser(storage(), { lastName: `x-${tag}-y` });
      const found = await storage().listUsers({ search: tag.toUpperCase(), offset: 0, limit: 10 });
      expect(found.users.map((user) => user.id).sort()).toEqual(
        [byEmail.id, byFirst.id, byLast.id].sort(),
      );
      expect(found.total).toBe(3);
    });

    it("listUsers takes % and _ in a search literally", async () => {
      const tag = marker();
      const literal = await insertUser(storage(), { lastName: `${tag}_100%` });
      await insertUser(storage(), { lastName: `${tag}x100z` });
      const found = await storage().listUsers({ search: `${tag}_100%`, offset: 0, limit: 10 });
      expect(found.users.map((user) => user.id)).toEqual([literal.id]);
      const none = await storage().listUsers({ search: `${tag}%z`, offset: 0, limit: 10 });
      expect(none).toEqual({ users: [], total: 0 });
    });

    it("listUsers without a search lists every user", async () => {
      const user = await insertUser(storage());
      const page = await storage().listUsers({ offset: 0, limit: 1 });
      expect(page.users).toHaveLength(1);
      expect(page.total).toBeGreaterThanOrEqual(1);
      const all = await storage().listUsers({ offset: 0, limit: page.total });
      expect(all.users.map((listed) => listed.id)).toContain(user.id);
    });

    it("deleteUser removes the user, sessions, one-time tokens and 2FA state, and no one else's", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      for (const owner of [user, other]) {
        await storage().createSession(makeNewSession(owner.id));
        await storage().createOneTimeToken(makeOneTimeToken(owner, { tokenHash: randomHash() }));
        await storage().saveTotp(makeTotpRecord(owner.id), [randomHash()]);
      }
      const token = makeOneTimeToken(user, { tokenHash: randomHash() });
      await storage().createOneTimeToken(token);

      expect(await storage().deleteUser(user.id)).toBe(true);
      expect(await storage().getUserById(user.id)).toBeNull();
      expect(await storage().getUserByEmail(user.email)).toBeNull();
      expect(await storage().getLatestSession(user.id, "web")).toBeNull();
      expect(await storage().findOneTimeToken(token.tokenHash, token.purpose, now)).toBeNull();
      expect(await storage().getTotp(user.id)).toBeNull();

      expect(await storage().getUserById(other.id)).not.toBeNull();
      expect(await storage().getLatestSession(other.id, "web")).not.toBeNull();
      expect(await storage().getTotp(other.id)).not.toBeNull();
    });

    it("deleteUser answers false for an unknown user, and the email can be used again", async () => {
      expect(await storage().deleteUser(randomUUID())).toBe(false);
      const user = await insertUser(storage());
      await storage().deleteUser(user.id);
      expect(await storage().deleteUser(user.id)).toBe(false);
      const again = await insertUser(storage(), { email: user.email });
      expect((await storage().getUserByEmail(user.email))?.id).toBe(again.id);
    });
  });
}
