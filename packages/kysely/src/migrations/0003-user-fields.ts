import { type Migration, sql } from "kysely";
import { detectSqlFlavor } from "../sql-flavor.js";
import type { TableNames } from "../table-names.js";

/**
 * The users' additional fields (the `userFields` option of `createAxor`): one JSON column,
 * `fields`, so an app declares fields without a migration of its own. `jsonb NOT NULL DEFAULT
 * '{}'` on PostgreSQL; `TEXT NOT NULL DEFAULT '{}'` on SQLite (no JSON type); `JSON NULL` on
 * MySQL/MariaDB (MySQL before 8.0.13 takes no default on a JSON column; MariaDB's JSON is
 * LONGTEXT with a validity check). Existing users read as `{}` on all three.
 */
export function userFields(t: TableNames): Migration {
  return {
    async up(db) {
      const flavor = detectSqlFlavor(db);
      const column =
        flavor === "postgres"
          ? sql`jsonb not null default '{}'::jsonb`
          : flavor === "sqlite"
            ? sql`text not null default '{}'`
            : sql`json null`;
      await sql`alter table ${sql.table(t.users)} add column ${sql.ref("fields")} ${column}`.execute(
        db,
      );
    },
    async down(db) {
      await db.schema.alterTable(t.users).dropColumn("fields").execute();
    },
  };
}
