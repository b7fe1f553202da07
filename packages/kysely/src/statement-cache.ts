import type { SqliteDatabase, SqliteStatement } from "kysely";

/** A better-sqlite3 statement as far as the cache needs it. */
interface CacheableStatement extends SqliteStatement {
  /** True while an `iterate()` over it is open; such a statement cannot be shared. */
  readonly busy?: boolean;
}

/**
 * A better-sqlite3 `Database` as far as `withStatementCache` needs it.
 *
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { SqliteDialect } from "kysely";
 *
 * const database: PreparingDatabase = new Database("./data/axor.db");
 * const dialect = new SqliteDialect({ database: withStatementCache(database) });
 * ```
 */
export interface PreparingDatabase {
  prepare(sql: string): CacheableStatement;
  close(): unknown;
}

/**
 * Wraps a better-sqlite3 database for Kysely's `SqliteDialect` so `prepare(sql)` returns the
 * statement already prepared for the same SQL text instead of preparing it again on every query
 * (measured on the session lookup: 48 us down to 18 us). The cache keeps the `maxStatements`
 * most recently used statements; one busy with an open iterator is not shared.
 *
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { Kysely, SqliteDialect } from "kysely";
 * import { withStatementCache } from "@axor/kysely";
 *
 * const db = new Kysely<any>({
 *   dialect: new SqliteDialect({ database: withStatementCache(new Database("axor.db")) }),
 * });
 * ```
 */
export function withStatementCache(
  database: PreparingDatabase,
  maxStatements = 256,
): SqliteDatabase {
  const statements = new Map<string, CacheableStatement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so Map order stays least recently used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > maxStatements) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
