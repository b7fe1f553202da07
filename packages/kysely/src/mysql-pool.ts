import type { MysqlPool, MysqlPoolConnection, MysqlQueryResult } from "kysely";
import type { PoolConnection } from "mysql2";
import { isConnectionFailure } from "./connection-failure.js";
import { importDriver } from "./database-driver.js";
import type { DatabaseOptions } from "./database-options.js";

const ignore = () => {};

/**
 * A mysql2 pool for Kysely's `MysqlDialect` that no server event can crash the process through.
 *
 * - Every connection gets an `error` listener for its whole life (mysql2's own listener is a
 *   `once`; a second error on a killed connection would otherwise throw).
 * - Each statement has a client-side `timeout`; a connection whose query timed out or lost its
 *   server is destroyed on release instead of going back to the pool.
 * - Waiting for a free connection is bounded too (mysql2's pool would queue forever): after
 *   `connectTimeoutSeconds` the call fails as unavailable, and a connection that turns up later
 *   goes straight back to the pool.
 */
export async function createMysqlPool(url: string, options: DatabaseOptions): Promise<MysqlPool> {
  const { default: driver } = await importDriver("mysql", () => import("mysql2"));
  const connectMs = Math.ceil(options.connectTimeoutSeconds * 1000);
  const statementMs = Math.ceil(options.statementTimeoutSeconds * 1000);
  const pool = driver.createPool({
    uri: url,
    connectionLimit: options.poolSize,
    connectTimeout: connectMs,
    charset: "utf8mb4",
    timezone: "Z",
    // BIGINTs past 2^53 as strings instead of rounded numbers; smaller ones stay numbers.
    supportBigNumbers: true,
  });
  pool.on("connection", (connection) => connection.on("error", ignore));
  return {
    getConnection(callback) {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        const error = Object.assign(new Error("timed out waiting for a database connection"), {
          code: "ETIMEDOUT",
        });
        callback(error, undefined as unknown as MysqlPoolConnection);
      }, connectMs);
      pool.getConnection((error, connection) => {
        if (settled) {
          connection?.release();
          return;
        }
        settled = true;
        clearTimeout(timer);
        callback(error, error ? (connection as never) : guardedConnection(connection, statementMs));
      });
    },
    end: (callback) => pool.end(callback),
  };
}

/** The connection as Kysely sees it: queries time out, and a broken connection is destroyed. */
function guardedConnection(connection: PoolConnection, timeout: number): MysqlPoolConnection {
  let broken = false;
  return {
    query(sql: string, values: unknown[], callback?: (error: unknown, result: unknown) => void) {
      if (!callback) return connection.query({ sql, values, timeout });
      connection.query({ sql, values, timeout }, (error, result) => {
        if (error && (isConnectionFailure(error) || (error as { fatal?: boolean }).fatal)) {
          broken = true;
        }
        callback(error, result as MysqlQueryResult);
      });
    },
    release() {
      if (broken) connection.destroy();
      else connection.release();
    },
  } as MysqlPoolConnection;
}
