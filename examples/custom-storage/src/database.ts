import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/** The Drizzle database the adapter runs its queries on. */
export type Database = NodePgDatabase;

/** The SQL migrations drizzle-kit generated from src/schema.ts (next to src/ and dist/). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * A pool of connections to the PostgreSQL at `url` and a Drizzle database over it. Connecting
 * waits at most 5 s, so a database that is down fails a request instead of hanging it; an
 * idle connection the server drops is logged instead of crashing the process.
 */
export function openDatabase(url: string): { db: Database; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  return { db: drizzle(pool), close: () => pool.end() };
}

/** Applies the migrations not applied yet (drizzle records them in drizzle.__drizzle_migrations). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
