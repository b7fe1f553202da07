import mysql from "mysql2/promise";
import pg from "pg";
import { freshDatabaseName } from "../../packages/kysely/test/support/test-database.js";

/** A database created on a shared server for one run, and dropped again after it. */
export interface ScratchDatabase {
  /** `axor_test_<random>`. */
  name: string;
  /** The server's URL with this database's name: what `AXOR_DATABASE` gets. */
  url: string;
  /** Drops the database, closing whatever connections it still has. */
  drop(): Promise<void>;
}

/** True for a `mysql://` or `mariadb://` URL, false for `postgres://` and `postgresql://`. */
function isMysqlUrl(serverUrl: string): boolean {
  return /^(mysql|mariadb):/.test(serverUrl);
}

/** `serverUrl` with its database name replaced by `name`. */
function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `statement` on `serverUrl` (PostgreSQL or MariaDB) over a connection of its own. */
async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  if (isMysqlUrl(serverUrl)) {
    const connection = await mysql.createConnection({
      uri: serverUrl.replace(/^mariadb:/, "mysql:"),
    });
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
    return;
  }
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => {}); // the statement's own error is the one that matters
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Creates `axor_test_<random>` on the PostgreSQL or MariaDB server `serverUrl` points to (the
 * same naming as the kysely suites' fresh databases); `drop` removes it, forcing out any
 * connection a crashed or stopped app may have left.
 *
 * @example
 * ```ts
 * const database = await createScratchDatabase("postgres://postgres@127.0.0.1:5432/test");
 * await runExample("fastify", { AXOR_DATABASE: database.url, AXOR_SECRET: secret });
 * await database.drop();
 * ```
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = freshDatabaseName();
  const mysqlServer = isMysqlUrl(serverUrl);
  await runOnServer(
    serverUrl,
    mysqlServer ? `create database \`${name}\` character set utf8mb4` : `create database "${name}"`,
  );
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: () =>
      runOnServer(
        serverUrl,
        mysqlServer
          ? `drop database if exists \`${name}\``
          : `drop database if exists "${name}" with (force)`,
      ),
  };
}
