import { sql } from "kysely";
import { openDatabase } from "../../src/index.js";
import { freshDatabaseName, type TestDatabase } from "./test-database.js";

/** Env var names of the test servers; when one is unset its suites are skipped. */
export const POSTGRES_URL_VARIABLE = "AXOR_TEST_POSTGRES_URL";
export const MYSQL_URL_VARIABLE = "AXOR_TEST_MYSQL_URL";

/**
 * Creates `axor_test_<random>` on the server `adminUrl` points to (PostgreSQL or MariaDB/MySQL)
 * and opens it; `drop` closes it and drops the database.
 */
export async function freshServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = freshDatabaseName();
  const admin = openDatabase(adminUrl);
  const charset = admin.dialect === "mysql" ? sql` character set utf8mb4` : sql``;
  await sql`create database ${sql.id(name)}${charset}`.execute(admin.db);
  const url = withDatabaseName(adminUrl, name);
  const opened = openDatabase(url);
  return {
    url,
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

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
