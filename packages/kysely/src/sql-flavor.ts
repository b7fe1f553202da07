import type { Kysely } from "kysely";

/** The SQL family a Kysely instance speaks; the few statements that differ branch on it. */
export type SqlFlavor = "sqlite" | "postgres" | "mysql";

/**
 * Tells which SQL family `db` compiles to, from how it quotes a name and writes a parameter
 * (`"t"`/`$1` PostgreSQL, `` `t` ``/`?` MySQL, `"t"`/`?` SQLite). Looking at the compiled text
 * rather than the adapter class also recognises third-party dialects of the same families.
 */
export function detectSqlFlavor(db: Kysely<any>): SqlFlavor {
  const { sql } = db.selectFrom("t").select("c").where("c", "=", 1).compile();
  if (sql.includes("`t`") && sql.endsWith("?")) return "mysql";
  if (sql.includes('"t"') && sql.endsWith("$1")) return "postgres";
  if (sql.includes('"t"') && sql.endsWith("?")) return "sqlite";
  throw new Error(
    `@axor/kysely supports SQLite, PostgreSQL and MySQL/MariaDB dialects; this Kysely compiles to: ${sql}`,
  );
}
