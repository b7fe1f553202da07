import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "@axor/core";
import { kyselyStorage, migrateToLatest, type OpenedDatabase, openDatabase } from "@axor/kysely";
import { testServerUrl } from "@axor/testing";
import { sql } from "kysely";
import { afterAll, beforeAll } from "vitest";

/** Where the PostgreSQL suites connect; unset: skipped with a visible line (a failure in CI). */
export const POSTGRES_URL = testServerUrl("AXOR_TEST_POSTGRES_URL", "adapter-on-PostgreSQL");

/** The databases the adapter suites run on. */
export type TestDatabaseKind = "sqlite" | "postgres";

/** A database opened for one test file, dropped after it. */
interface OpenTestDatabase {
  opened: OpenedDatabase;
  drop(): Promise<void>;
}

async function openSqlite(): Promise<OpenTestDatabase> {
  const folder = await mkdtemp(join(tmpdir(), "axor-adapter-"));
  const opened = openDatabase(join(folder, "axor.db"));
  return {
    opened,
    async drop() {
      await opened.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Creates `axor_adapter_<random>` on the server and opens it; `drop` removes it again. */
async function openPostgres(adminUrl: string): Promise<OpenTestDatabase> {
  const name = `axor_adapter_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = openDatabase(adminUrl);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = openDatabase(url.toString());
  return {
    opened,
    async drop() {
      await opened.close();
      try {
        await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
      } finally {
        await admin.close();
      }
    },
  };
}

/**
 * Opens a database of `kind` for the enclosing file or describe block (a temp SQLite file, or
 * a PostgreSQL database created for this run) and drops it afterwards. `freshStorage()` gives
 * a storage on its own freshly migrated table prefix, so every server starts empty.
 *
 * @example
 * ```ts
 * const database = useTestDatabase("sqlite");
 * it("works", async () => {
 *   const axor = createAxor({ storage: await database.freshStorage(), secret });
 * });
 * ```
 */
export function useTestDatabase(kind: TestDatabaseKind): {
  freshStorage(): Promise<StorageAdapter>;
} {
  let database: OpenTestDatabase | undefined;
  beforeAll(async () => {
    database = kind === "sqlite" ? await openSqlite() : await openPostgres(POSTGRES_URL ?? "");
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    async freshStorage() {
      if (!database) throw new Error("the test database is not open");
      const tablePrefix = `t${randomUUID().replaceAll("-", "").slice(0, 10)}_`;
      await migrateToLatest(database.opened.db, { tablePrefix });
      return kyselyStorage(database.opened.db, { tablePrefix });
    },
  };
}
