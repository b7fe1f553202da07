import type { Migration } from "kysely";
import { detectSqlFlavor } from "../sql-flavor.js";
import type { TableNames } from "../table-names.js";

/** The index's name, with the sessions table's (possibly prefixed) name in front. */
const indexName = (t: TableNames) => `${t.sessions}_user_kind_created_idx`;

/**
 * An index for `getLatestSession` (every login and magic-link sign-in asks for the newest web
 * session and the newest app token): `(user_id, kind, created_at, id)` matches its filter and
 * its "newest first" order, so the answer is the index's last entry for the pair. With only
 * `(user_id, created_at)`, a sign-in walked the user's sessions past those of the other kind and
 * sorted for the `id` tie-break (SQLite's plan: "USE TEMP B-TREE"), a cost that grew with each
 * token an account had been given.
 */
export function latestSessionIndex(t: TableNames): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex(indexName(t))
        .on(t.sessions)
        .columns(["user_id", "kind", "created_at", "id"])
        .execute();
    },
    async down(db) {
      const drop = db.schema.dropIndex(indexName(t));
      // MySQL/MariaDB name an index within its table; PostgreSQL and SQLite reject the `on`.
      await (detectSqlFlavor(db) === "mysql" ? drop.on(t.sessions) : drop).execute();
    },
  };
}
