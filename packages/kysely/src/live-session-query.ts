import type { MaybePromise, SessionWithUser } from "@axor/core/storage";
import type { CompiledQuery } from "kysely";
import { type ReusableQuery, reusableQuery } from "./reusable-query.js";
import { rowPositions } from "./row-keys.js";
import { SESSION_COLUMNS, sessionFromRow, sessionRowKeys } from "./session-row.js";
import type { StorageContext } from "./storage-context.js";
import { toStoredInstant } from "./stored-values.js";
import { USER_COLUMNS, userFromRow, userRowKeys } from "./user-row.js";

const SESSION_KEYS = sessionRowKeys("s_");
const USER_KEYS = userRowKeys("u_");
/** The same columns by position, for rows read as arrays (sqlite-reader.ts). */
const SESSION_POSITIONS = rowPositions(SESSION_COLUMNS);
const USER_POSITIONS = rowPositions(USER_COLUMNS, SESSION_COLUMNS.length);

/** The hot path's one read: a live session by key hash, joined with its user. */
export interface LiveSessionQuery {
  /** Synchronous on SQLite's reader; a promise through Kysely. */
  run(keyHash: string, now: Date): MaybePromise<SessionWithUser | null>;
}

/**
 * Compiles the session-and-user lookup once per adapter; each call only binds the key hash and
 * the instant. Columns are aliased `s_*` and `u_*` since both tables have `id` and timestamps.
 * On a SQLite file opened by `openDatabase`, the compiled SQL runs on the query-only second
 * connection (sqlite-reader.ts) once it is open: the same statement, read without Kysely's
 * connection mutex and promise layers, the row as an array.
 */
export function liveSessionQuery({ db, flavor, tables, reader }: StorageContext): LiveSessionQuery {
  const query: ReusableQuery<Record<string, unknown>> = reusableQuery((slot) =>
    db
      .selectFrom(`${tables.sessions} as s`)
      .innerJoin(`${tables.users} as u`, "u.id", "s.user_id")
      .select([
        ...SESSION_COLUMNS.map((column) => `s.${column} as s_${column}`),
        ...USER_COLUMNS.map((column) => `u.${column} as u_${column}`),
      ])
      .where("s.key_hash", "=", slot("keyHash"))
      .where("s.revoked_at", "is", null)
      .where("s.expire_at", ">", slot("now")),
  );

  /** Through Kysely's executor: server databases, and SQLite without its reader (`:memory:`). */
  async function executed(
    bound: CompiledQuery<Record<string, unknown>>,
  ): Promise<SessionWithUser | null> {
    const { rows } = await db.executeQuery(bound);
    const row = rows[0];
    if (!row) return null;
    return { session: sessionFromRow(row, SESSION_KEYS), user: userFromRow(row, USER_KEYS) };
  }

  return {
    run(keyHash, now) {
      const bound = query.bind({ keyHash, now: toStoredInstant(flavor, now) });
      if (!reader?.ready) return executed(bound);
      const row = reader.firstRow(bound.sql, bound.parameters);
      if (!row) return null;
      return {
        session: sessionFromRow(row, SESSION_POSITIONS),
        user: userFromRow(row, USER_POSITIONS),
      };
    },
  };
}
