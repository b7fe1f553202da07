import type { UserAdminStorage } from "@axor/core/storage";
import { type ExpressionBuilder, sql } from "kysely";
import { containsPattern, LIKE_ESCAPE } from "../like-pattern.js";
import type { StorageContext } from "../storage-context.js";
import { fromStoredNumber } from "../stored-values.js";
import { USER_COLUMNS, type UserRow, userFromRow } from "../user-row.js";

const SEARCHED_COLUMNS = ["email", "first_name", "last_name"] as const;

/** `lower(column) LIKE pattern ESCAPE '!'` for each searched column, or'ed together. */
function matchesSearch(eb: ExpressionBuilder<any, any>, search: string) {
  const pattern = containsPattern(search);
  return eb.or(
    SEARCHED_COLUMNS.map(
      (column) =>
        sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape ${sql.lit(LIKE_ESCAPE)}`,
    ),
  );
}

/**
 * Listing users (a page and the total, one search over email and names) and deleting one with
 * everything that serves only them, in one transaction.
 */
export function userAdminVerbs({ db, tables }: StorageContext): UserAdminStorage {
  return {
    async listUsers({ search, offset, limit }) {
      const matching = () => {
        const query = db.selectFrom(tables.users);
        return search ? query.where((eb) => matchesSearch(eb, search)) : query;
      };
      const [rows, counted] = await Promise.all([
        matching()
          .select(USER_COLUMNS)
          .orderBy("created_at", "asc")
          .orderBy("id", "asc")
          .limit(limit)
          .offset(offset)
          .execute(),
        matching()
          .select((eb) => eb.fn.countAll().as("total"))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        users: rows.map((row) => userFromRow(row as UserRow)),
        total: fromStoredNumber(counted.total),
      };
    },

    async deleteUser(id) {
      return db.transaction().execute(async (trx) => {
        for (const table of [
          tables.sessions,
          tables.oneTimeTokens,
          tables.backupCodes,
          tables.totp,
        ]) {
          await trx.deleteFrom(table).where("user_id", "=", id).execute();
        }
        const result = await trx.deleteFrom(tables.users).where("id", "=", id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },
  };
}
