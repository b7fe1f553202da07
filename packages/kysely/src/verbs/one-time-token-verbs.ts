import type { OneTimeTokenPurpose, StorageAdapter } from "@axor/core/storage";
import {
  ONE_TIME_TOKEN_COLUMNS,
  type OneTimeTokenRow,
  oneTimeTokenFromRow,
  oneTimeTokenRow,
} from "../one-time-token-row.js";
import type { StorageContext } from "../storage-context.js";
import { toStoredInstant } from "../stored-values.js";

type OneTimeTokenVerbs = Pick<
  StorageAdapter,
  "createOneTimeToken" | "findOneTimeToken" | "consumeOneTimeToken" | "deleteOneTimeTokens"
>;

/**
 * One-time tokens, keyed by their hash. Consuming is a single `DELETE ... RETURNING` on SQLite
 * and PostgreSQL. MySQL has no `RETURNING`, so there the token is read first and then deleted
 * under the same conditions: only the caller whose `DELETE` removed the row (affected rows = 1)
 * gets it, so of N concurrent consumers exactly one wins.
 */
export function oneTimeTokenVerbs({ db, flavor, tables }: StorageContext): OneTimeTokenVerbs {
  const live = (tokenHash: string, purpose: OneTimeTokenPurpose, now: Date) =>
    db
      .selectFrom(tables.oneTimeTokens)
      .select(ONE_TIME_TOKEN_COLUMNS)
      .where("token_hash", "=", tokenHash)
      .where("purpose", "=", purpose)
      .where("expire_at", ">", toStoredInstant(flavor, now));
  const deleteLive = (tokenHash: string, purpose: OneTimeTokenPurpose, now: Date) =>
    db
      .deleteFrom(tables.oneTimeTokens)
      .where("token_hash", "=", tokenHash)
      .where("purpose", "=", purpose)
      .where("expire_at", ">", toStoredInstant(flavor, now));

  return {
    async createOneTimeToken(token) {
      await db.insertInto(tables.oneTimeTokens).values(oneTimeTokenRow(flavor, token)).execute();
    },

    async findOneTimeToken(tokenHash, purpose, now) {
      const row = await live(tokenHash, purpose, now).executeTakeFirst();
      return row ? oneTimeTokenFromRow(row as OneTimeTokenRow) : null;
    },

    async consumeOneTimeToken(tokenHash, purpose, now) {
      if (flavor !== "mysql") {
        const row = await deleteLive(tokenHash, purpose, now)
          .returning(ONE_TIME_TOKEN_COLUMNS)
          .executeTakeFirst();
        return row ? oneTimeTokenFromRow(row as OneTimeTokenRow) : null;
      }
      const row = await live(tokenHash, purpose, now).executeTakeFirst();
      if (!row) return null;
      const result = await deleteLive(tokenHash, purpose, now).executeTakeFirst();
      return result.numDeletedRows === 1n ? oneTimeTokenFromRow(row as OneTimeTokenRow) : null;
    },

    async deleteOneTimeTokens(userId, purpose) {
      await db
        .deleteFrom(tables.oneTimeTokens)
        .where("user_id", "=", userId)
        .where("purpose", "=", purpose)
        .execute();
    },
  };
}
