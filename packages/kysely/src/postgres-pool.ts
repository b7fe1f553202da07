import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { isConnectionFailure } from "./connection-failure.js";
import { importDriver } from "./database-driver.js";
import type { DatabaseOptions } from "./database-options.js";

const ignore = () => {};

/**
 * A pg `Pool` for Kysely's `PostgresDialect` that no server event can crash the process through.
 *
 * - Every client gets an `error` listener for its whole life, not only while idle: pg emits
 *   `error` on a checked-out client when its backend dies (57P01 after
 *   `pg_terminate_backend`, a restart, a cut network), and an event without a listener throws.
 *   The query in flight still fails with the error, and the pool drops the client on release.
 * - Statements are bounded on the server (`statement_timeout`) and on the wire (`query_timeout`);
 *   a client whose query failed on its connection is released with that error, so the pool
 *   destroys it instead of handing a dead or stuck connection to the next request.
 * - Waiting for a connection, new or from a full pool, is bounded by `connectionTimeoutMillis`.
 */
export async function createPostgresPool(
  url: string,
  options: DatabaseOptions,
): Promise<PostgresPool> {
  const { default: driver } = await importDriver("postgres", () => import("pg"));
  const statementMs = Math.ceil(options.statementTimeoutSeconds * 1000);
  const pool = new driver.Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: Math.ceil(options.connectTimeoutSeconds * 1000),
    statement_timeout: statementMs,
    query_timeout: statementMs + 1000,
    keepAlive: true,
  });
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
  return {
    async connect() {
      return guardedClient(await pool.connect());
    },
    end: () => pool.end(),
  };
}

/** The client as Kysely sees it: remembers a connection failure and releases the client with it. */
function guardedClient(client: pg.PoolClient): PostgresPoolClient {
  let failure: Error | undefined;
  return {
    async query(text: string, values: unknown[]) {
      try {
        return await client.query(text, values);
      } catch (error) {
        if (isConnectionFailure(error)) failure = error as Error;
        throw error;
      }
    },
    release() {
      client.release(failure);
    },
  } as unknown as PostgresPoolClient;
}
