import type { TwoFactorStorage } from "@axor/core/storage";
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../database.js";
import { backupCodes, totpSecrets, users } from "../schema.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Replaces the user's backup codes with `codeHashes`, inside the caller's transaction. */
async function setBackupCodes(tx: Transaction, userId: string, codeHashes: string[]) {
  await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
  if (codeHashes.length === 0) return;
  const rows = codeHashes.map((codeHash) => ({ userId, codeHash }));
  await tx.insert(backupCodes).values(rows).onConflictDoNothing();
}

/**
 * TOTP setups and backup codes on Drizzle. `confirmTotp` and `deleteTotp` also set the user's
 * `totpEnabled`, in the same transaction.
 */
export function twoFactorStorage(db: Database): TwoFactorStorage {
  return {
    async getTotp(userId) {
      const [totp] = await db.select().from(totpSecrets).where(eq(totpSecrets.userId, userId));
      return totp ?? null;
    },
    async saveTotp(totp, backupCodeHashes) {
      // The setup and its codes change together, or not at all. A confirmed setup is never
      // replaced: INSERT ... ON CONFLICT DO UPDATE ... WHERE confirmed = false checks and
      // writes in one statement (waiting for a concurrent confirmTotp holding the row), and
      // RETURNING is empty when it left a confirmed row alone.
      return db.transaction(async (tx) => {
        const { encryptedSecret, confirmed, lastUsedStep, createdAt } = totp;
        const saved = await tx
          .insert(totpSecrets)
          .values(totp)
          .onConflictDoUpdate({
            target: totpSecrets.userId,
            set: { encryptedSecret, confirmed, lastUsedStep, createdAt },
            setWhere: eq(totpSecrets.confirmed, false),
          })
          .returning({ userId: totpSecrets.userId });
        if (saved.length === 0) return false;
        await setBackupCodes(tx, totp.userId, backupCodeHashes);
        return true;
      });
    },
    async confirmTotp(userId, now) {
      // The setup and the user's flag change together; no setup, no 2FA.
      await db.transaction(async (tx) => {
        const confirmed = await tx
          .update(totpSecrets)
          .set({ confirmed: true })
          .where(eq(totpSecrets.userId, userId))
          .returning({ userId: totpSecrets.userId });
        if (confirmed.length === 0) return;
        await tx
          .update(users)
          .set({ totpEnabled: true, updatedAt: now })
          .where(eq(users.id, userId));
      });
    },
    async deleteTotp(userId, now) {
      // The codes go with the setup (an old code must never work for a later one), and the
      // user's flag with both.
      await db.transaction(async (tx) => {
        await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
        await tx.delete(totpSecrets).where(eq(totpSecrets.userId, userId));
        await tx
          .update(users)
          .set({ totpEnabled: false, updatedAt: now })
          .where(eq(users.id, userId));
      });
    },
    async advanceTotpStep(userId, step) {
      // A conditional UPDATE: of concurrent calls with one step, one finds lastUsedStep < step.
      const advanced = await db
        .update(totpSecrets)
        .set({ lastUsedStep: step })
        .where(and(eq(totpSecrets.userId, userId), lt(totpSecrets.lastUsedStep, step)))
        .returning({ userId: totpSecrets.userId });
      return advanced.length > 0;
    },
    async replaceBackupCodes(userId, codeHashes) {
      await db.transaction((tx) => setBackupCodes(tx, userId, codeHashes));
    },
    async useBackupCode(userId, codeHash) {
      // DELETE ... RETURNING: exactly one of concurrent calls deletes the row.
      const used = await db
        .delete(backupCodes)
        .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, codeHash)))
        .returning({ codeHash: backupCodes.codeHash });
      return used.length > 0;
    },
  };
}
