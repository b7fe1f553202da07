import type { SessionStorage, UserFieldValues, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, makeNewSession, makeNewUser } from "./record-fixtures.js";
import { scribble } from "./scribble.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Additional fields with every kind of JSON value, Unicode, and a long string. */
export function sampleUserFields(): UserFieldValues {
  return {
    company: 'Zoë & O\'Brien-李 "Ltd" 🚀',
    seats: 12,
    ratio: 0.25,
    negative: -3,
    newsletter: false,
    verified_partner: true,
    nothing: null,
    tags: ["a", "b", "ünï"],
    address: { city: "London", lines: ["12 St James's Square", ""], floor: 3, lift: null },
    bio: "x".repeat(10_000),
    empty_text: "",
    empty_list: [],
    empty_object: {},
  };
}

/**
 * Conformance tests of a user's additional fields (`UserRecord.fields`, the `userFields` option
 * of `createAxor`): a JSON object stored as given, replaced as a whole by `updateUser`, absent
 * reads as `{}`, copies in and out.
 */
export function describeUserFieldVerbs(storage: StoreGetter<UserStorage & SessionStorage>): void {
  describe("additional user fields", () => {
    it("createUser keeps every JSON value of fields, and every read gives them back", async () => {
      const user = makeNewUser({ fields: sampleUserFields() });
      expectRecord(await storage().createUser(user), user);
      expectRecord(await storage().getUserById(user.id), user);
      expectRecord(await storage().getUserByEmail(user.email), user);
      const session = makeNewSession(user.id);
      await storage().createSession(session);
      expectRecord((await storage().getLiveSession(session.keyHash, new Date()))?.user, user);
    });

    it("a user created without fields reads back with none ({} or absent)", async () => {
      const { fields: _none, ...user } = makeNewUser();
      await storage().createUser(user);
      expect((await storage().getUserById(user.id))?.fields ?? {}).toStrictEqual({});
    });

    it("updateUser replaces fields as a whole, and a patch without fields leaves them", async () => {
      const user = await insertUser(storage(), { fields: { company: "Old", seats: 2 } });
      const replaced = { fields: { seats: 3, plan: "pro" }, updatedAt: new Date() };
      expectRecord(await storage().updateUser(user.id, replaced), { ...user, ...replaced });
      const renamed = { firstName: "Renamed", updatedAt: new Date() };
      const expected = { ...user, ...replaced, ...renamed };
      expectRecord(await storage().updateUser(user.id, renamed), expected);
      expectRecord(await storage().getUserById(user.id), expected);
      const emptied = { fields: {}, updatedAt: new Date() };
      expectRecord(await storage().updateUser(user.id, emptied), { ...expected, ...emptied });
    });

    it("changing fields passed in or handed out changes nothing stored", async () => {
      const input = makeNewUser({ fields: sampleUserFields(), totpEnabled: false });
      const expected = { ...structuredClone(input), totpEnabled: false };
      const created = await storage().createUser(input);
      scribble(input);
      scribble(created);
      const read = await storage().getUserById(expected.id);
      if (read) scribble(read);
      const patch = { fields: { plan: "team", limits: [1, 2] }, updatedAt: new Date() };
      const patched = { ...expected, ...structuredClone(patch) };
      const updated = await storage().updateUser(expected.id, patch);
      scribble(patch);
      if (updated) scribble(updated);
      expectRecord(await storage().getUserById(expected.id), patched);
    });
  });
}
