import type { TwoFactorStorage, UserStorage } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { expectRecord } from "./expect-record.js";
import { insertUser, makeTotpRecord, randomHash } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/** A realistic RFC 6238 time step (30 s steps since 1970), beyond what 16 bits can hold. */
const STEP = Math.floor(Date.UTC(2025, 0, 1) / 30_000);
/** The `now` given to `confirmTotp` and `deleteTotp`: becomes the user's `updatedAt`. */
const CHANGED_AT = new Date("2025-03-04T05:06:07.089Z");

/** Conformance tests of `TwoFactorStorage`: the TOTP setup and its backup codes. */
export function describeTotpVerbs(storage: StoreGetter<UserStorage & TwoFactorStorage>): void {
  /** A user with an unconfirmed TOTP setup and `codes` backup code hashes. */
  async function userWithTotp(codes = 3) {
    const user = await insertUser(storage());
    const totp = makeTotpRecord(user.id, { createdAt: new Date("2025-01-01T00:00:00.001Z") });
    const codeHashes = Array.from({ length: codes }, randomHash);
    await storage().saveTotp(totp, codeHashes);
    return { user, totp, codeHashes };
  }

  describe("TOTP", () => {
    it("getTotp returns null for a user without TOTP", async () => {
      const user = await insertUser(storage());
      expect(await storage().getTotp(user.id)).toBeNull();
    });

    it("saveTotp stores an unconfirmed setup that getTotp reads back", async () => {
      const { user, totp } = await userWithTotp();
      expectRecord(await storage().getTotp(user.id), totp);
    });

    it("confirmTotp confirms the setup and keeps the rest", async () => {
      const { user, totp } = await userWithTotp();
      await storage().advanceTotpStep(user.id, STEP);
      await storage().confirmTotp(user.id, CHANGED_AT);
      expectRecord(await storage().getTotp(user.id), {
        ...totp,
        confirmed: true,
        lastUsedStep: STEP,
      });
    });

    it("confirmTotp turns the user's totpEnabled on and sets updatedAt, nothing else", async () => {
      const { user } = await userWithTotp();
      expect((await storage().getUserById(user.id))?.totpEnabled).toBe(false);
      await storage().confirmTotp(user.id, CHANGED_AT);
      expectRecord(await storage().getUserById(user.id), {
        ...user,
        totpEnabled: true,
        updatedAt: CHANGED_AT,
      });
    });

    it("confirmTotp without a setup changes nothing: 2FA is never on without a secret", async () => {
      const user = await insertUser(storage());
      await storage().confirmTotp(user.id, CHANGED_AT);
      expectRecord(await storage().getUserById(user.id), user);
      expect(await storage().getTotp(user.id)).toBeNull();
    });

    it("deleteTotp removes the setup", async () => {
      const { user } = await userWithTotp();
      await storage().deleteTotp(user.id, CHANGED_AT);
      expect(await storage().getTotp(user.id)).toBeNull();
    });

    it("deleteTotp turns the user's totpEnabled off and sets updatedAt, nothing else", async () => {
      const { user } = await userWithTotp();
      await storage().confirmTotp(user.id, new Date("2025-01-02T00:00:00.000Z"));
      await storage().deleteTotp(user.id, CHANGED_AT);
      expectRecord(await storage().getUserById(user.id), {
        ...user,
        totpEnabled: false,
        updatedAt: CHANGED_AT,
      });
    });

    it("racing confirmTotp and deleteTotp leave the flag and the setup agreeing", async () => {
      for (let round = 0; round < 5; round++) {
        const { user } = await userWithTotp();
        const confirm = () => storage().confirmTotp(user.id, CHANGED_AT);
        const remove = () => storage().deleteTotp(user.id, CHANGED_AT);
        await Promise.all(round % 2 === 0 ? [confirm(), remove()] : [remove(), confirm()]);
        const [stored, totp] = await Promise.all([
          storage().getUserById(user.id),
          storage().getTotp(user.id),
        ]);
        expect(stored?.totpEnabled).toBe(totp?.confirmed === true);
      }
    });

    it("deleteTotp deletes the backup codes too: none works again, even after a new setup", async () => {
      const { user, codeHashes } = await userWithTotp(3);
      const [first = "", ...rest] = codeHashes;
      await storage().deleteTotp(user.id, CHANGED_AT);
      expect(await storage().useBackupCode(user.id, first)).toBe(false);
      await storage().saveTotp(makeTotpRecord(user.id), []);
      for (const code of rest) expect(await storage().useBackupCode(user.id, code)).toBe(false);
    });

    it("saveTotp returns true for a user without a setup", async () => {
      const user = await insertUser(storage());
      const totp = makeTotpRecord(user.id);
      expect(await storage().saveTotp(totp, [randomHash()])).toBe(true);
      expectRecord(await storage().getTotp(user.id), totp);
    });

    it("saveTotp over an unconfirmed setup replaces it and its backup codes, and returns true", async () => {
      const { user, codeHashes: oldCodes } = await userWithTotp();
      await storage().advanceTotpStep(user.id, STEP);
      const replacement = makeTotpRecord(user.id, {
        createdAt: new Date("2025-02-03T04:05:06.789Z"),
      });
      const newCodes = [randomHash(), randomHash()];
      expect(await storage().saveTotp(replacement, newCodes)).toBe(true);

      expectRecord(await storage().getTotp(user.id), replacement);
      expectRecord(await storage().getUserById(user.id), user);
      for (const code of oldCodes) expect(await storage().useBackupCode(user.id, code)).toBe(false);
      for (const code of newCodes) expect(await storage().useBackupCode(user.id, code)).toBe(true);
    });

    it("saveTotp over a confirmed setup returns false and changes nothing: setup, codes, user", async () => {
      const { user, totp, codeHashes: oldCodes } = await userWithTotp();
      await storage().advanceTotpStep(user.id, STEP);
      await storage().confirmTotp(user.id, CHANGED_AT);
      const replacement = makeTotpRecord(user.id, {
        createdAt: new Date("2025-02-03T04:05:06.789Z"),
      });
      const newCodes = [randomHash(), randomHash()];
      expect(await storage().saveTotp(replacement, newCodes)).toBe(false);

      expectRecord(await storage().getTotp(user.id), {
        ...totp,
        confirmed: true,
        lastUsedStep: STEP,
      });
      expectRecord(await storage().getUserById(user.id), {
        ...user,
        totpEnabled: true,
        updatedAt: CHANGED_AT,
      });
      for (const code of newCodes) expect(await storage().useBackupCode(user.id, code)).toBe(false);
      for (const code of oldCodes) expect(await storage().useBackupCode(user.id, code)).toBe(true);
    });

    it("racing confirmTotp and saveTotp: totpEnabled is true exactly when the stored setup is confirmed", async () => {
      for (let round = 0; round < 10; round++) {
        const { user, totp, codeHashes: oldCodes } = await userWithTotp(2);
        const replacement = makeTotpRecord(user.id, {
          createdAt: new Date(Date.UTC(2025, 1, 1, 0, 0, round)),
        });
        const newCodes = [randomHash(), randomHash()];
        const confirm = () => storage().confirmTotp(user.id, CHANGED_AT);
        const save = () => storage().saveTotp(replacement, newCodes);
        const saved =
          round % 2 === 0
            ? (await Promise.all([confirm(), save()]))[1]
            : (await Promise.all([save(), confirm()]))[0];
        const [stored, setup] = await Promise.all([
          storage().getUserById(user.id),
          storage().getTotp(user.id),
        ]);
        expect(setup).not.toBeNull();
        expect(stored?.totpEnabled).toBe(setup?.confirmed === true);
        // false: the confirmation came first and kept its setup and codes; true: the new setup
        // (confirmed or not, by whichever order) and its codes replaced the old ones.
        const kept = saved ? replacement : totp;
        const [liveCode = "", deadCode = ""] = saved
          ? [newCodes[0], oldCodes[0]]
          : [oldCodes[0], newCodes[0]];
        expect(setup?.encryptedSecret).toBe(kept.encryptedSecret);
        expect(setup?.createdAt.getTime()).toBe(kept.createdAt.getTime());
        if (!saved) expect(setup?.confirmed).toBe(true);
        expect(await storage().useBackupCode(user.id, deadCode)).toBe(false);
        expect(await storage().useBackupCode(user.id, liveCode)).toBe(true);
      }
    });

    it("advanceTotpStep accepts only a step greater than the last one", async () => {
      const { user, totp } = await userWithTotp();
      expect(await storage().advanceTotpStep(user.id, STEP)).toBe(true);
      expect(await storage().advanceTotpStep(user.id, STEP)).toBe(false);
      expect(await storage().advanceTotpStep(user.id, STEP - 1)).toBe(false);
      expectRecord(await storage().getTotp(user.id), { ...totp, lastUsedStep: STEP });
      expect(await storage().advanceTotpStep(user.id, STEP + 1)).toBe(true);
      expect((await storage().getTotp(user.id))?.lastUsedStep).toBe(STEP + 1);
    });

    it("advanceTotpStep is false for a user without TOTP", async () => {
      const user = await insertUser(storage());
      expect(await storage().advanceTotpStep(user.id, STEP)).toBe(false);
    });

    it("of 20 concurrent advanceTotpStep calls to one step exactly one is true", async () => {
      const { user } = await userWithTotp();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => storage().advanceTotpStep(user.id, STEP)),
      );
      expect(results.filter((accepted) => accepted === true)).toHaveLength(1);
      expect(results.filter((accepted) => accepted === false)).toHaveLength(19);
    });

    it("useBackupCode uses a code once; unknown codes and other users' codes are false", async () => {
      const { user, codeHashes } = await userWithTotp();
      const other = await userWithTotp();
      const [first = "", second = ""] = codeHashes;
      expect(await storage().useBackupCode(user.id, first)).toBe(true);
      expect(await storage().useBackupCode(user.id, first)).toBe(false);
      expect(await storage().useBackupCode(user.id, randomHash())).toBe(false);
      expect(await storage().useBackupCode(other.user.id, second)).toBe(false);
      expect(await storage().useBackupCode(user.id, second)).toBe(true);
    });

    it("of 20 concurrent useBackupCode calls with one code exactly one is true", async () => {
      const { user, codeHashes } = await userWithTotp();
      const code = codeHashes[0] ?? "";
      const results = await Promise.all(
        Array.from({ length: 20 }, () => storage().useBackupCode(user.id, code)),
      );
      expect(results.filter((used) => used === true)).toHaveLength(1);
      expect(results.filter((used) => used === false)).toHaveLength(19);
    });

    it("replaceBackupCodes kills the old codes and keeps the setup", async () => {
      const { user, totp, codeHashes: oldCodes } = await userWithTotp();
      const newCodes = [randomHash(), randomHash(), randomHash()];
      await storage().replaceBackupCodes(user.id, newCodes);
      for (const code of oldCodes) expect(await storage().useBackupCode(user.id, code)).toBe(false);
      for (const code of newCodes) expect(await storage().useBackupCode(user.id, code)).toBe(true);
      expectRecord(await storage().getTotp(user.id), totp);
    });
  });
}
