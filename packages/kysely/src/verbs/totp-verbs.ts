import type { StorageAdapter } from "@axor/core/storage";
import type { Kysely } from "kysely";
import type { StorageContext } from "../storage-context.js";
import { toStoredBoolean, toStoredInstant } from "../stored-values.js";
import { TOTP_COLUMNS, type TotpRow, totpFromRow, totpRow } from "../totp-row.js";

type TotpVerbs = Pick<
  StorageAdapter,
  | "getTotp"
  | "saveTotp"
  | "confirmTotp"
  | "deleteTotp"
  | "advanceTotpStep"
  | "replaceBackupCodes"
  | "useBackupCode"
>;

/**
 * TOTP state and backup codes. `confirmTotp` and `deleteTotp` change the user's
 * `totp_enabled` in the same transaction as the setup. The step only moves forward through a
 * conditional `UPDATE` (`last_used_step < step`), and a backup code is used by deleting its
 * row: in both, the affected-row count tells the one caller that won.
 */
export function totpVerbs({ db, flavor, tables }: StorageContext): TotpVerbs {
  const writeBackupCodes = async (trx: Kysely<any>, userId: string, codeHashes: string[]) => {
    await trx.deleteFrom(tables.backupCodes).where("user_id", "=", userId).execute();
    if (codeHashes.length === 0) return;
    const rows = [...new Set(codeHashes)].map((codeHash) => ({
      user_id: userId,
      code_hash: codeHash,
    }));
    await trx.insertInto(tables.backupCodes).values(rows).execute();
  };

  return {
    async getTotp(userId) {
      const row = await db
        .selectFrom(tables.totp)
        .select(TOTP_COLUMNS)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row ? totpFromRow(row as TotpRow) : null;
    },

    async saveTotp(totp, backupCodeHashes) {
      const row = totpRow(flavor, totp);
      const { user_id: _key, ...replacement } = row;
      await db.transaction().execute(async (trx) => {
        const insert = trx.insertInto(tables.totp).values(row);
        await (flavor === "mysql"
          ? insert.onDuplicateKeyUpdate(replacement)
          : insert.onConflict((conflict) => conflict.column("user_id").doUpdateSet(replacement))
        ).execute();
        await writeBackupCodes(trx, totp.userId, backupCodeHashes);
      });
    },

    async confirmTotp(userId, now) {
      // One transaction over both tables; the user is turned on only when the setup exists
      // (a subquery, not an affected-row count: MySQL counts an unchanged row as 0).
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable(tables.totp)
          .set({ confirmed: toStoredBoolean(flavor, true) })
          .where("user_id", "=", userId)
          .execute();
        await trx
          .updateTable(tables.users)
          .set({ totp_enabled: toStoredBoolean(flavor, true), updated_at: toStoredInstant(now) })
          .where("id", "=", userId)
          .where((eb) =>
            eb.exists(eb.selectFrom(tables.totp).select("user_id").where("user_id", "=", userId)),
          )
          .execute();
      });
    },

    async deleteTotp(userId, now) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom(tables.totp).where("user_id", "=", userId).execute();
        await trx.deleteFrom(tables.backupCodes).where("user_id", "=", userId).execute();
        await trx
          .updateTable(tables.users)
          .set({ totp_enabled: toStoredBoolean(flavor, false), updated_at: toStoredInstant(now) })
          .where("id", "=", userId)
          .execute();
      });
    },

    async advanceTotpStep(userId, step) {
      const result = await db
        .updateTable(tables.totp)
        .set({ last_used_step: step })
        .where("user_id", "=", userId)
        .where("last_used_step", "<", step)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async replaceBackupCodes(userId, codeHashes) {
      await db.transaction().execute((trx) => writeBackupCodes(trx, userId, codeHashes));
    },

    async useBackupCode(userId, codeHash) {
      const result = await db
        .deleteFrom(tables.backupCodes)
        .where("user_id", "=", userId)
        .where("code_hash", "=", codeHash)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
