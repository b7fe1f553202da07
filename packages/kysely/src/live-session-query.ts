import type { SessionWithUser } from "@axor/core/storage";
import type { Kysely } from "kysely";
import { type ReusableQuery, reusableQuery } from "./reusable-query.js";
import { SESSION_COLUMNS, sessionFromRow, sessionRowKeys } from "./session-row.js";
import type { SqlFlavor } from "./sql-flavor.js";
import { toStoredInstant } from "./stored-values.js";
import type { TableNames } from "./table-names.js";
import { USER_COLUMNS, userFromRow, userRowKeys } from "./user-row.js";

const SESSION_KEYS = sessionRowKeys("s_");
const USER_KEYS = userRowKeys("u_");

/** The hot path's one read: a live session by key hash, joined with its user. */
export interface LiveSessionQuery {
  run(keyHash: string, now: Date): Promise<SessionWithUser | null>;
}

/**
 * Compiles the session-and-user lookup once per adapter; each call only binds the key hash and
 * the instant. Columns are aliased `s_*` and `u_*` since both tables have `id` and timestamps.
 */
export function liveSessionQuery(
  db: Kysely<any>,
  flavor: SqlFlavor,
  tables: TableNames,
): LiveSessionQuery {
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

  return {
    async run(keyHash, now) {
      const { rows } = await db.executeQuery(
        query.bind({ keyHash, now: toStoredInstant(flavor, now) }),
      );
      const row = rows[0];
      if (!row) return null;
      return { session: sessionFromRow(row, SESSION_KEYS), user: userFromRow(row, USER_KEYS) };
    },
  };
}
