import { randomUUID } from "node:crypto";
import type { StorageAdapter } from "@axor/core/storage";
import { kyselyStorage, migrateToLatest } from "@axor/kysely";
import { testServerUrl } from "@axor/testing";
import { afterAll, beforeAll, describe } from "vitest";
import { freshServerDatabase } from "../packages/kysely/test/support/fresh-server-database.js";
import { freshSqliteDatabase } from "../packages/kysely/test/support/fresh-sqlite-database.js";
import type { TestDatabase } from "../packages/kysely/test/support/test-database.js";

/** Where the PostgreSQL suites connect; unset: skipped with a visible line (a failure in CI). */
const POSTGRES_URL = testServerUrl("AXOR_TEST_POSTGRES_URL", "adapter-on-PostgreSQL");

/** The databases the adapter suites run on. */
export type TestDatabaseKind = "sqlite" | "postgres";

/** Fresh, migrated storage in the enclosing block's database. */
export interface StorageSource {
  /** Storage under a table prefix no other test uses, so it starts empty. */
  freshStorage(): Promise<StorageAdapter>;
}

/**
 * Opens a database of `kind` for the enclosing describe block (a temp SQLite file, or a
 * PostgreSQL database created for this run) and drops it afterwards.
 */
function useTestDatabase(kind: TestDatabaseKind): StorageSource {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database =
      kind === "sqlite"
        ? await freshSqliteDatabase()
        : await freshServerDatabase(POSTGRES_URL ?? "");
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

/**
 * Describes `suite` on SQLite, and on PostgreSQL when AXOR_TEST_POSTGRES_URL is set (skipped
 * with a visible line otherwise), each in a database of its own.
 *
 * @example
 * ```ts
 * describeOnTestDatabases((kind, database) =>
 *   describeAdapterHttpContract(`Express on ${kind}`, startExpressServer, database.freshStorage),
 * );
 * ```
 */
export function describeOnTestDatabases(
  suite: (kind: TestDatabaseKind, database: StorageSource) => void,
): void {
  describe("SQLite", () => suite("sqlite", useTestDatabase("sqlite")));
  describe.skipIf(!POSTGRES_URL)("PostgreSQL (set AXOR_TEST_POSTGRES_URL to run)", () =>
    suite("postgres", useTestDatabase("postgres")),
  );
}
