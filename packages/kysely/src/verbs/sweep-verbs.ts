import type { ExpiredRowSweeper } from "@axor/core/storage";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { StorageContext } from "../storage-context.js";
import { toStoredInstant } from "../stored-values.js";

type Condition = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/**
 * Housekeeping: deletes at most `limit` dead rows of each table per call. SQLite and PostgreSQL
 * delete the keys a limited sub-select picks; MySQL, which allows no LIMIT in such a
 * sub-select, limits the DELETE itself. Two sweeps at once may pick the same rows: each row is
 * deleted once and the other sweep counts only what it deleted.
 */
export function sweepVerbs({ db, flavor, tables }: StorageContext): ExpiredRowSweeper {
  const sweep = async (table: string, key: string, dead: Condition, limit: number) => {
    const result =
      flavor === "mysql"
        ? await db.deleteFrom(table).where(dead).limit(limit).executeTakeFirst()
        : await db
            .deleteFrom(table)
            .where(key, "in", db.selectFrom(table).select(key).where(dead).limit(limit))
            .executeTakeFirst();
    return Number(result.numDeletedRows);
  };

  return {
    async sweepExpired(now, limit) {
      const storedNow = toStoredInstant(flavor, now);
      const sessions = await sweep(
        tables.sessions,
        "id",
        (eb) => eb.or([eb("expire_at", "<=", storedNow), eb("revoked_at", "is not", null)]),
        limit,
      );
      const oneTimeTokens = await sweep(
        tables.oneTimeTokens,
        "token_hash",
        (eb) => eb("expire_at", "<=", storedNow),
        limit,
      );
      const counters = await sweep(
        tables.counters,
        "counter_key",
        (eb) => eb("reset_at", "<=", storedNow),
        limit,
      );
      return { sessions, oneTimeTokens, counters };
    },
  };
}
