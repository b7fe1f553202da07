import type { StorageAdapter } from "@axor/core/storage";
import { type Kysely, sql } from "kysely";
import type { StorageContext } from "../storage-context.js";
import { fromStoredBoolean, toStoredBoolean, toStoredInstant } from "../stored-values.js";
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
 * TOTP state and backup codes. `saveTotp` replaces only an unconfirmed setup, with a
 * conditional upsert whose check and write are one statement (see `upsertUnconfirmed`).
 * `confirmTotp` and `deleteTotp` change the user's
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
      const unconfirmed = toStoredBoolean(flavor, false);
      return db.transaction().execute(async (trx) => {
        const saved =
          flavor === "mysql"
            ? await upsertUnconfirmedOnMysql(trx, tables.totp, row, unconfirmed)
            : await upsertUnconfirmed(trx, tables.totp, row, unconfirmed);
        if (!saved) return false;
        await writeBackupCodes(trx, totp.userId, backupCodeHashes);
        return true;
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
          .set({
            totp_enabled: toStoredBoolean(flavor, true),
            updated_at: toStoredInstant(flavor, now),
          })
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
          .set({
            totp_enabled: toStoredBoolean(flavor, false),
            updated_at: toStoredInstant(flavor, now),
          })
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

/**
 * SQLite and PostgreSQL: `INSERT ... ON CONFLICT (user_id) DO UPDATE ... WHERE
 * <table>.confirmed = false`, one statement. A confirmed row is left alone and counts 0 rows;
 * a concurrent `confirmTotp` holding the row is waited for, and the condition is checked on
 * the row it committed (PostgreSQL), or the two never overlap (SQLite has one writer).
 */
async function upsertUnconfirmed(
  trx: Kysely<any>,
  table: string,
  row: Record<string, unknown>,
  unconfirmed: unknown,
): Promise<boolean> {
  const { user_id: _key, ...replacement } = row;
  const result = await trx
    .insertInto(table)
    .values(row)
    .onConflict((conflict) =>
      conflict
        .column("user_id")
        .doUpdateSet(replacement)
        .where(`${table}.confirmed`, "=", unconfirmed),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * MySQL has no `ON DUPLICATE KEY UPDATE ... WHERE`, so every assignment keeps the stored value
 * when the stored row is confirmed: `col = IF(confirmed, col, new)`, with `confirmed` assigned
 * last (MySQL assigns left to right, so the others still see the stored flag). The statement
 * locks the row (or the inserted one) until the transaction ends; the locking read after it
 * tells whether the new, unconfirmed setup is what is stored. The affected-row count is not
 * used: under CLIENT_FOUND_ROWS (a connection flag drivers may set) an unchanged row counts 1,
 * like an insert.
 */
async function upsertUnconfirmedOnMysql(
  trx: Kysely<any>,
  table: string,
  row: Record<string, unknown>,
  unconfirmed: unknown,
): Promise<boolean> {
  const { user_id: userId, confirmed, ...rest } = row;
  const keepConfirmed = (column: string, value: unknown) =>
    sql`if(${sql.ref("confirmed")}, ${sql.ref(column)}, ${value})`;
  const replacement = Object.fromEntries(
    [...Object.entries(rest), ["confirmed", confirmed] as const].map(([column, value]) => [
      column,
      keepConfirmed(column, value),
    ]),
  );
  await trx.insertInto(table).values(row).onDuplicateKeyUpdate(replacement).execute();
  const stored = await trx
    .selectFrom(table)
    .select("confirmed")
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  return (
    stored !== undefined && fromStoredBoolean(stored.confirmed) === fromStoredBoolean(unconfirmed)
  );
}
