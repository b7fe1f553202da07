import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import { once, rememberOpenedDatabase } from "./database-closers.js";
import { assertDriverInstalled } from "./database-driver.js";
import { type DatabaseLocation, parseDatabaseLocation } from "./database-location.js";
import {
  type DatabaseOptions,
  type OpenDatabaseOptions,
  resolveDatabaseOptions,
} from "./database-options.js";
import { createMysqlPool } from "./mysql-pool.js";
import { createPostgresPool } from "./postgres-pool.js";
import { SqliteCheckpointer } from "./sqlite-checkpointer.js";
import { openSqliteDatabase } from "./sqlite-database.js";
import { registerSqliteReader, SqliteReader } from "./sqlite-reader.js";

/**
 * The database family `openDatabase` connected to.
 *
 * @example
 * ```ts
 * const { dialect } = openDatabase("mariadb://root@127.0.0.1:3306/app");
 * const family: DatabaseDialect = dialect; // "mysql"
 * ```
 */
export type DatabaseDialect = "sqlite" | "postgres" | "mysql";

/**
 * What `openDatabase` returns.
 *
 * @example
 * ```ts
 * const opened: OpenedDatabase = openDatabase("./data/axor.db"); // dialect "sqlite"
 * await migrateToLatest(opened.db);
 * const storage = kyselyStorage(opened.db);
 * process.on("SIGTERM", () => void opened.close());
 * ```
 */
export interface OpenedDatabase {
  /** A Kysely instance to pass to `kyselyStorage` and `migrateToLatest` (and your own queries). */
  db: Kysely<any>;
  dialect: DatabaseDialect;
  /**
   * Closes the pool or the SQLite file; a second call does nothing. `axor.close()` calls it
   * when the storage was made from this `db` (see `kyselyStorage`).
   */
  close(): Promise<void>;
}

/**
 * Opens a database from one string, the way `AXOR_DATABASE` is written:
 * - a SQLite file path (its folder is created when missing; WAL journal and a busy timeout are
 *   enabled), a `file://` URL, or `":memory:"`;
 * - a `postgres://` or `postgresql://` URL (a pg `Pool`);
 * - a `mysql://` or `mariadb://` URL (a mysql2 pool, utf8mb4, UTC).
 *
 * Each family's driver is an optional peer dependency of `@axor/kysely`: install `better-sqlite3`,
 * `pg` or `mysql2` for the database you use. A missing driver throws `DatabaseDriverError` at
 * once, naming the package to install; a better-sqlite3 whose native addon was never built
 * (install scripts not allowed) fails the first query with `DatabaseDriverError` explaining how
 * to allow its build (see docs/installation.md).
 *
 * The driver is loaded and the connection made on the first query, so this returns at once; an
 * unreachable database shows up then, as `StorageUnavailableError` from the adapter or an error
 * from `migrateToLatest`. A string that is none of the above, or a wrong option, throws at once.
 *
 * No database fault can crash the process through the pools opened here: every connection has
 * its `error` handled for its whole life, connecting and each statement are bounded by
 * `options` (see `OpenDatabaseOptions` and docs/operations.md), and a connection that failed is
 * dropped rather than reused. SQLite statements are prepared once per SQL text, and a SQLite
 * file gets a second, query-only connection for the session lookup every authenticated request
 * runs (it reads committed rows only, without waiting for Kysely's single connection).
 *
 * @example
 * ```ts
 * import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
 *
 * const { db, close } = openDatabase(process.env.AXOR_DATABASE ?? "./data/axor.db", {
 *   statementTimeoutSeconds: 5,
 * });
 * await migrateToLatest(db);
 * const storage = kyselyStorage(db);
 * process.on("SIGTERM", () => void close());
 * ```
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const location = parseDatabaseLocation(url);
  const resolved = resolveDatabaseOptions(options);
  assertDriverInstalled(location.dialect);
  // SQLite files get a second connection for the session lookup (sqlite-reader.ts)
  // and a thread that checkpoints the WAL off the event loop (sqlite-checkpointer.ts).
  const reader = location.dialect === "sqlite" ? new SqliteReader() : undefined;
  const checkpointer = location.dialect === "sqlite" ? new SqliteCheckpointer() : undefined;
  const db = new Kysely<any>({ dialect: dialectFor(location, resolved, reader, checkpointer) });
  if (reader) registerSqliteReader(db, reader);
  const close = once(async () => {
    await checkpointer?.stop();
    await db.destroy();
    reader?.close();
  });
  rememberOpenedDatabase(db, close);
  return { db, dialect: location.dialect, close };
}

function dialectFor(
  location: DatabaseLocation,
  options: DatabaseOptions,
  reader?: SqliteReader,
  checkpointer?: SqliteCheckpointer,
) {
  switch (location.dialect) {
    case "sqlite":
      return new SqliteDialect({
        database: () => openSqliteDatabase(location.path, options, reader, checkpointer),
      });
    case "postgres":
      return new PostgresDialect({ pool: () => createPostgresPool(location.url, options) });
    case "mysql":
      return new MysqlDialect({ pool: () => createMysqlPool(location.url, options) });
  }
}
