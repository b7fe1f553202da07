import type { RateLimitStore } from "@axor/core/storage";
import { sql } from "kysely";
import type { StorageContext } from "../storage-context.js";
import { fromStoredInstant, fromStoredNumber, toStoredInstant } from "../stored-values.js";

/**
 * Fixed-window counters as one atomic upsert: insert `hits = 1` for a new key, otherwise add one,
 * or restart at 1 with a new window when the stored one has ended. SQLite and PostgreSQL use
 * `ON CONFLICT DO UPDATE ... RETURNING`; MySQL uses `ON DUPLICATE KEY UPDATE` and reads the row
 * back in the same transaction, while the upsert still holds its row lock.
 */
export function counterVerbs({ db, flavor, tables }: StorageContext): RateLimitStore {
  const table = tables.counters;

  return {
    async incrementCounter(key, windowMs, now) {
      const storedNow = toStoredInstant(flavor, now);
      const newResetAt = toStoredInstant(flavor, new Date(now.getTime() + windowMs));
      const windowEnded = sql`${sql.ref(`${table}.reset_at`)} <= ${storedNow}`;
      const hits = sql`case when ${windowEnded} then 1 else ${sql.ref(`${table}.hits`)} + 1 end`;
      const resetAt = sql`case when ${windowEnded} then ${newResetAt} else ${sql.ref(`${table}.reset_at`)} end`;
      const insert = (trx: typeof db) =>
        trx.insertInto(table).values({ counter_key: key, hits: 1, reset_at: newResetAt });

      const row =
        flavor === "mysql"
          ? await db.transaction().execute(async (trx) => {
              // MySQL applies these assignments left to right: `hits` must read the old reset_at.
              await insert(trx).onDuplicateKeyUpdate({ hits, reset_at: resetAt }).execute();
              return trx
                .selectFrom(table)
                .select(["hits", "reset_at"])
                .where("counter_key", "=", key)
                .executeTakeFirstOrThrow();
            })
          : await insert(db)
              .onConflict((conflict) =>
                conflict.column("counter_key").doUpdateSet({ hits, reset_at: resetAt }),
              )
              .returning(["hits", "reset_at"])
              .executeTakeFirstOrThrow();
      return { count: fromStoredNumber(row.hits), resetAt: fromStoredInstant(row.reset_at) };
    },

    async getCounter(key, now) {
      const row = await db
        .selectFrom(table)
        .select(["hits", "reset_at"])
        .where("counter_key", "=", key)
        .where("reset_at", ">", toStoredInstant(flavor, now))
        .executeTakeFirst();
      return row
        ? { count: fromStoredNumber(row.hits), resetAt: fromStoredInstant(row.reset_at) }
        : null;
    },

    async decrementCounter(key) {
      await db
        .updateTable(table)
        .set({ hits: sql`${sql.ref("hits")} - 1` })
        .where("counter_key", "=", key)
        .where("hits", ">", 0)
        .execute();
    },

    async resetCounter(key) {
      await db.deleteFrom(table).where("counter_key", "=", key).execute();
    },
  };
}
