import type { StorageAdapter } from "@axor/core/storage";
import type { ExpressionBuilder } from "kysely";
import { liveSessionQuery } from "../live-session-query.js";
import { reusableQuery } from "../reusable-query.js";
import { newSessionRow, SESSION_COLUMNS, type SessionRow, sessionFromRow } from "../session-row.js";
import type { StorageContext } from "../storage-context.js";
import { toStoredInstant } from "../stored-values.js";

type SessionVerbs = Pick<
  StorageAdapter,
  | "createSession"
  | "getLiveSession"
  | "touchSession"
  | "getLatestSession"
  | "listLiveSessions"
  | "revokeSession"
  | "revokeUserSessions"
>;

/** Not revoked and not expired at `now`: what "live" means in every session query. */
function isLive(eb: ExpressionBuilder<any, any>, now: Date | number) {
  return eb.and([eb("revoked_at", "is", null), eb("expire_at", ">", now)]);
}

/**
 * Sessions and app tokens. The two per-request statements (the lookup and the slide) are
 * compiled once; the rest are built per call. "Newest first" is `created_at` then `id`,
 * descending, so ties have one order on every database.
 */
export function sessionVerbs(context: StorageContext): SessionVerbs {
  const { db, flavor, tables } = context;
  const liveSession = liveSessionQuery(context);
  const touch = reusableQuery((slot) =>
    db
      .updateTable(tables.sessions)
      .set({
        expire_at: slot("expireAt"),
        last_used_at: slot("usedAt"),
        updated_at: slot("usedAt"),
      })
      .where("id", "=", slot("id")),
  );

  return {
    async createSession(session) {
      await db.insertInto(tables.sessions).values(newSessionRow(flavor, session)).execute();
    },

    getLiveSession: (keyHash, now) => liveSession.run(keyHash, now),

    async touchSession(id, expireAt, usedAt) {
      await db.executeQuery(
        touch.bind({
          id,
          expireAt: toStoredInstant(flavor, expireAt),
          usedAt: toStoredInstant(flavor, usedAt),
        }),
      );
    },

    async getLatestSession(userId, kind) {
      const row = await db
        .selectFrom(tables.sessions)
        .select(SESSION_COLUMNS)
        .where("user_id", "=", userId)
        .where("kind", "=", kind)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? sessionFromRow(row as SessionRow) : null;
    },

    async listLiveSessions(userId, now) {
      const rows = await db
        .selectFrom(tables.sessions)
        .select(SESSION_COLUMNS)
        .where("user_id", "=", userId)
        .where((eb) => isLive(eb, toStoredInstant(flavor, now)))
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map((row) => sessionFromRow(row as SessionRow));
    },

    async revokeSession(userId, id, now) {
      const result = await db
        .updateTable(tables.sessions)
        .set({ revoked_at: toStoredInstant(flavor, now) })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where((eb) => isLive(eb, toStoredInstant(flavor, now)))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeUserSessions(userId, now, exceptId) {
      let query = db
        .updateTable(tables.sessions)
        .set({ revoked_at: toStoredInstant(flavor, now) })
        .where("user_id", "=", userId)
        .where((eb) => isLive(eb, toStoredInstant(flavor, now)));
      if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
