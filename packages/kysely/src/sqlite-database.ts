import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { SqliteDatabase } from "kysely";
import { explainDriverFailure, importDriver } from "./database-driver.js";
import type { DatabaseOptions } from "./database-options.js";
import { withStatementCache } from "./statement-cache.js";

/**
 * Opens a better-sqlite3 database for Kysely's `SqliteDialect`: its folder is created when
 * missing, the WAL journal is on (readers never wait for a writer), a write waits up to
 * `busyTimeoutSeconds` for another process's lock, and statements are prepared once per SQL text.
 */
export async function openSqliteDatabase(
  path: string,
  options: DatabaseOptions,
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
  return withStatementCache(sqlite);
}
