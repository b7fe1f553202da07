import type { RateLimitStore } from "@axor/core/storage";
import { sql } from "kysely";
import { reusableQuery } from "../reusable-query.js";
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
  // Each login touches these several times: they are compiled once (reusable-query.ts).
  const upsert = (trx: typeof db, slot: (name: string) => string) => {
    const windowEnded = sql`${sql.ref(`${table}.reset_at`)} <= ${slot("now")}`;
    const hits = sql`case when ${windowEnded} then 1 else ${sql.ref(`${table}.hits`)} + 1 end`;
    const resetAt = sql`case when ${windowEnded} then ${slot("resetAt")} else ${sql.ref(`${table}.reset_at`)} end`;
    return {
      insert: trx
        .insertInto(table)
        .values({ counter_key: slot("key"), hits: 1, reset_at: slot("resetAt") }),
      set: { hits, reset_at: resetAt },
    };
  };
  const increment = reusableQuery((slot) => {
    const { insert, set } = upsert(db, slot);
    return insert
      .onConflict((conflict) => conflict.column("counter_key").doUpdateSet(set))
      .returning(["hits", "reset_at"]);
  });
  const live = reusableQuery((slot) =>
    db
      .selectFrom(table)
      .select(["hits", "reset_at"])
      .where("counter_key", "=", slot("key"))
      .where("reset_at", ">", slot("now")),
  );
  const decrement = reusableQuery((slot) =>
    db
      .updateTable(table)
      .set({ hits: sql`${sql.ref("hits")} - 1` })
      .where("counter_key", "=", slot("key"))
      .where("hits", ">", 0),
  );
  const reset = reusableQuery((slot) =>
    db.deleteFrom(table).where("counter_key", "=", slot("key")),
  );
  const counterState = (row: { hits: unknown; reset_at: unknown }) => ({
    count: fromStoredNumber(row.hits),
    resetAt: fromStoredInstant(row.reset_at),
  });

  return {
    async incrementCounter(key, windowMs, now) {
      const values = {
        key,
        now: toStoredInstant(flavor, now),
        resetAt: toStoredInstant(flavor, new Date(now.getTime() + windowMs)),
      };
      if (flavor !== "mysql") {
        const { rows } = await db.executeQuery(increment.bind(values));
        return counterState(rows[0] as { hits: unknown; reset_at: unknown });
      }
      return db.transaction().execute(async (trx) => {
        // MySQL applies these assignments left to right: `hits` must read the old reset_at.
        const { insert, set } = upsert(
          trx,
          (name) => values[name as keyof typeof values] as string,
        );
        await insert.onDuplicateKeyUpdate(set).execute();
        const row = await trx
          .selectFrom(table)
          .select(["hits", "reset_at"])
          .where("counter_key", "=", key)
          .executeTakeFirstOrThrow();
        return counterState(row);
      });
    },

    async getCounter(key, now) {
      const { rows } = await db.executeQuery(live.bind({ key, now: toStoredInstant(flavor, now) }));
      const row = rows[0] as { hits: unknown; reset_at: unknown } | undefined;
      return row ? counterState(row) : null;
    },

    async decrementCounter(key) {
      await db.executeQuery(decrement.bind({ key }));
    },

    async resetCounter(key) {
      await db.executeQuery(reset.bind({ key }));
    },
  };
}
