import { memoryEventLog, memoryStorage } from "@axor/core";
import { testServerUrl } from "@axor/testing";
import { sql } from "kysely";
import { describe } from "vitest";
import { kyselyStorage, migrateToLatest } from "../src/index.js";
import { describeServerApi, type ServerApiFixture } from "./support/describe-server-api.js";
import { freshServerDatabase, POSTGRES_URL_VARIABLE } from "./support/fresh-server-database.js";
import { freshSqliteDatabase } from "./support/fresh-sqlite-database.js";
import type { TestDatabase } from "./support/test-database.js";

/** The server-side API over kyselyStorage on a fresh, migrated database. */
async function onDatabase(create: () => Promise<TestDatabase>): Promise<ServerApiFixture> {
  const database = await create();
  const { db } = database.opened;
  await migrateToLatest(db);
  return {
    storage: kyselyStorage(db),
    async countCounters() {
      const row = await sql<{ n: unknown }>`select count(*) as n from axor_counters`.execute(db);
      return Number(row.rows[0]?.n);
    },
    close: () => database.drop(),
  };
}

describeServerApi("memory", async () => ({
  storage: memoryStorage(),
  eventLog: memoryEventLog(),
  close: async () => {},
}));

describeServerApi("SQLite", () => onDatabase(freshSqliteDatabase), { counterTable: true });

const postgres = testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL");
describe.skipIf(!postgres)(`PostgreSQL (set ${POSTGRES_URL_VARIABLE} to run)`, () => {
  describeServerApi("PostgreSQL", () => onDatabase(() => freshServerDatabase(postgres ?? "")), {
    counterTable: true,
  });
});
