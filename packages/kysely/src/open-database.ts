import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import { type DatabaseLocation, parseDatabaseLocation } from "./database-location.js";
import { withStatementCache } from "./statement-cache.js";

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
  /** Closes the pool or the SQLite file. */
  close(): Promise<void>;
}

/** Pool size and connection timeout of the PostgreSQL and MySQL pools. */
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a SQLite write waits for another process's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a database from one string, the way `AXOR_DATABASE` is written:
 * - a SQLite file path (its folder is created when missing; WAL journal and a 5 s busy
 *   timeout are enabled), a `file://` URL, or `":memory:"`;
 * - a `postgres://` or `postgresql://` URL (a pg `Pool` of 10);
 * - a `mysql://` or `mariadb://` URL (a mysql2 pool of 10, utf8mb4, UTC).
 *
 * The driver is loaded and the connection made on the first query, so this returns at once; an
 * unreachable database shows up then, as `StorageUnavailableError` from the adapter or an error
 * from `migrateToLatest`. A string that is none of the above throws an `Error` at once. SQLite
 * statements are prepared once per SQL text (see `withStatementCache`).
 *
 * @example
 * ```ts
 * import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
 *
 * const { db, dialect, close } = openDatabase(process.env.AXOR_DATABASE ?? "./data/axor.db");
 * await migrateToLatest(db);
 * const storage = kyselyStorage(db);
 * process.on("SIGTERM", () => void close());
 * ```
 */
export function openDatabase(url: string): OpenedDatabase {
  const location = parseDatabaseLocation(url);
  const db = new Kysely<any>({ dialect: dialectFor(location) });
  return { db, dialect: location.dialect, close: () => db.destroy() };
}

function dialectFor(location: DatabaseLocation) {
  switch (location.dialect) {
    case "sqlite":
      return new SqliteDialect({ database: () => openSqlite(location.path) });
    case "postgres":
      return new PostgresDialect({
        pool: async () => {
          const { default: pg } = await import("pg");
          const pool = new pg.Pool({
            connectionString: location.url,
            max: POOL_SIZE,
            connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          });
          // An idle client losing its server is dropped by the pool; without a listener the
          // 'error' event would crash the process. The next query reconnects or reports it.
          pool.on("error", () => {});
          return pool;
        },
      });
    case "mysql":
      return new MysqlDialect({
        pool: async () => {
          const { default: mysql } = await import("mysql2");
          return mysql.createPool({
            uri: location.url,
            connectionLimit: POOL_SIZE,
            connectTimeout: CONNECT_TIMEOUT_MS,
            charset: "utf8mb4",
            timezone: "Z",
            // BIGINTs past 2^53 as strings instead of rounded numbers; smaller ones stay numbers.
            supportBigNumbers: true,
          });
        },
      });
  }
}

async function openSqlite(path: string) {
  const { default: Database } = await import("better-sqlite3");
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) await mkdir(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (!inMemory) sqlite.pragma("journal_mode = WAL");
  return withStatementCache(sqlite);
}
