import { randomUUID } from "node:crypto";
import pg from "pg";
import { type Database, migrateDatabase, openDatabase } from "../../src/database.js";

/** A migrated database of its own on the server, and how to drop it. */
export interface FreshDatabase {
  db: Database;
  drop(): Promise<void>;
}

/** Runs `statement` on the server's default database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Creates `axor_drizzle_<random>` on the PostgreSQL server at `serverUrl`, applies the
 * migrations to it and opens it; `drop` closes the pool and drops the database.
 */
export async function freshDatabase(serverUrl: string): Promise<FreshDatabase> {
  const name = `axor_drizzle_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  try {
    await migrateDatabase(database.db);
  } catch (error) {
    await database.close();
    await onServer(serverUrl, `drop database if exists "${name}"`);
    throw error;
  }
  return {
    db: database.db,
    async drop() {
      await database.close();
      await onServer(serverUrl, `drop database if exists "${name}"`);
    },
  };
}
