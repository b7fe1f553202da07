import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { SqliteDatabase } from "kysely";
import { explainDriverFailure, importDriver } from "./database-driver.js";
import type { DatabaseOptions } from "./database-options.js";
import type { SqliteCheckpointer } from "./sqlite-checkpointer.js";
import type { SqliteReader } from "./sqlite-reader.js";
import { withStatementCache } from "./statement-cache.js";

/** SQLite's page cache per connection, in KiB. */
const PAGE_CACHE_KIB = 64 * 1024;

/**
 * Opens a better-sqlite3 database for Kysely's `SqliteDialect`: its folder is created when
 * missing, the WAL journal is on (readers never wait for a writer), a write waits up to
 * `busyTimeoutSeconds` for another process's lock, the page cache holds up to 64 MiB, and
 * statements are prepared once per SQL text. A file (not `:memory:`) also gets its second,
 * query-only connection attached to `reader`, for the session lookup, and its WAL checkpoints
 * made by `checkpointer`'s thread instead of by the commits on the event loop.
 */
export async function openSqliteDatabase(
  path: string,
  options: DatabaseOptions,
  reader?: SqliteReader,
  checkpointer?: SqliteCheckpointer,
): Promise<SqliteDatabase> {
  const { default: Database } = await importDriver("sqlite", () => import("better-sqlite3"));
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) await mkdir(dirname(resolve(path)), { recursive: true });
  let sqlite: InstanceType<typeof Database>;
  try {
    // The native addon loads here, on the first database opened.
    sqlite = new Database(path, { timeout: Math.ceil(options.busyTimeoutSeconds * 1000) });
  } catch (error) {
    throw explainDriverFailure("sqlite", error);
  }
  if (!inMemory) sqlite.pragma("journal_mode = WAL");
  // A 64 MiB page cache (SQLite's default is 2 MiB), filled only as pages are read: with a
  // million sessions, the pages of the tokens in use stay in memory instead of being read from
  // the file on every request (docs/benchmarks.md, figure 6).
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  if (reader && !inMemory) {
    const second = new Database(path, { timeout: Math.ceil(options.busyTimeoutSeconds * 1000) });
    second.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    reader.attach(second);
  }
  if (checkpointer && !inMemory) checkpointer.start(path, sqlite);
  return withStatementCache(sqlite);
}
