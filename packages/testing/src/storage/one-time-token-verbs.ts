import type { OneTimeTokenPurpose, OneTimeTokenStorage, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, makeOneTimeToken, msAfter, randomHash } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

const PURPOSES: OneTimeTokenPurpose[] = ["verify_email", "reset_password", "magic_link"];

/** Conformance tests of the one-time token verbs (verify email, password reset, magic link). */
export function describeOneTimeTokenVerbs(
  storage: StoreGetter<UserStorage & OneTimeTokenStorage>,
): void {
  describe("one-time tokens", () => {
    it("findOneTimeToken returns the live token without using it up", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const token = makeOneTimeToken(user, {
        purpose: "reset_password",
        createdAt: msAfter(now, -250),
        expireAt: msAfter(now, 3_600_000),
      });
      await storage().createOneTimeToken(token);
      expectRecord(await storage().findOneTimeToken(token.tokenHash, token.purpose, now), token);
      expectRecord(await storage().findOneTimeToken(token.tokenHash, token.purpose, now), token);
      expectRecord(await storage().consumeOneTimeToken(token.tokenHash, token.purpose, now), token);
    });

    it("consumeOneTimeToken returns the token once, then it is gone", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const token = makeOneTimeToken(user, { purpose: "magic_link" });
      await storage().createOneTimeToken(token);
      expectRecord(await storage().consumeOneTimeToken(token.tokenHash, token.purpose, now), token);
      expect(await storage().consumeOneTimeToken(token.tokenHash, token.purpose, now)).toBeNull();
      expect(await storage().findOneTimeToken(token.tokenHash, token.purpose, now)).toBeNull();
    });

    it("an unknown token hash is neither found nor consumed", async () => {
      const now = new Date();
      expect(await storage().findOneTimeToken(randomHash(), "verify_email", now)).toBeNull();
      expect(await storage().consumeOneTimeToken(randomHash(), "verify_email", now)).toBeNull();
    });

    for (const purpose of PURPOSES) {
      it(`a ${purpose} token is only found and consumed under its own purpose`, async () => {
        const now = new Date();
        const user = await insertUser(storage());
        const token = makeOneTimeToken(user, { purpose });
        await storage().createOneTimeToken(token);
        for (const wrong of PURPOSES.filter((other) => other !== purpose)) {
          expect(await storage().findOneTimeToken(token.tokenHash, wrong, now)).toBeNull();
          expect(await storage().consumeOneTimeToken(token.tokenHash, wrong, now)).toBeNull();
        }
        expectRecord(await storage().consumeOneTimeToken(token.tokenHash, purpose, now), token);
      });
    }

    it("a token is neither found nor consumed once expireAt <= now", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const token = makeOneTimeToken(user, { expireAt: msAfter(now, 1_000) });
      await storage().createOneTimeToken(token);
      const { tokenHash, purpose } = token;
      expect(
        await storage().findOneTimeToken(tokenHash, purpose, msAfter(now, 999)),
      ).not.toBeNull();
      for (const late of [msAfter(now, 1_000), msAfter(now, 60_000)]) {
        expect(await storage().findOneTimeToken(tokenHash, purpose, late)).toBeNull();
        expect(await storage().consumeOneTimeToken(tokenHash, purpose, late)).toBeNull();
      }
    });

    it("of 50 concurrent consumeOneTimeToken calls exactly one gets the token", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const token = makeOneTimeToken(user, { purpose: "reset_password" });
      await storage().createOneTimeToken(token);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          storage().consumeOneTimeToken(token.tokenHash, token.purpose, now),
        ),
      );
      const winners = results.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      expectRecord(winners[0], token);
    });

    it("deleteOneTimeTokens deletes the user's tokens of one purpose and nothing else", async () => {
      const now = new Date();
      const user = await insertUser(storage());
      const other = await insertUser(storage());
      const doomed = [makeOneTimeToken(user), makeOneTimeToken(user)];
      const kept = [
        makeOneTimeToken(user, { purpose: "reset_password" }),
        makeOneTimeToken(user, { purpose: "magic_link" }),
        makeOneTimeToken(other, { purpose: "verify_email" }),
      ];
      for (const token of [...doomed, ...kept]) await storage().createOneTimeToken(token);

      await storage().deleteOneTimeTokens(user.id, "verify_email");
      for (const token of doomed) {
        expect(await storage().findOneTimeToken(token.tokenHash, token.purpose, now)).toBeNull();
      }
      for (const token of kept) {
        expectRecord(await storage().findOneTimeToken(token.tokenHash, token.purpose, now), token);
      }
    });
  });
}
