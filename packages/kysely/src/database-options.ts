import * as v from "valibot";

const seconds = v.pipe(
  v.number("must be a number of seconds"),
  v.minValue(0.001),
  v.maxValue(3600),
);

const databaseOptionsSchema = v.object({
  /** PostgreSQL and MySQL: connections in the pool. Default 10. */
  poolSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 10),
  /**
   * PostgreSQL and MySQL: how long to wait for a connection, either a new one to the server or a
   * free one from a busy pool, before the query fails as unavailable (503). Default 5.
   */
  connectTimeoutSeconds: v.optional(seconds, 5),
  /**
   * PostgreSQL and MySQL: the longest one statement may take, on the server and on the wire (a
   * cut network is noticed after this long). The connection is then dropped and the call fails
   * as unavailable. Default 5.
   */
  statementTimeoutSeconds: v.optional(seconds, 5),
  /** SQLite: how long a write waits for another process's lock before failing. Default 5. */
  busyTimeoutSeconds: v.optional(seconds, 5),
});

/**
 * Options of `openDatabase`. Every duration is in seconds (fractions allowed), as everywhere in
 * Axor.
 *
 * @example
 * ```ts
 * const options: OpenDatabaseOptions = { poolSize: 20, statementTimeoutSeconds: 2 };
 * const { db } = openDatabase(process.env.AXOR_DATABASE ?? "./data/axor.db", options);
 * ```
 */
export type OpenDatabaseOptions = v.InferInput<typeof databaseOptionsSchema>;

/** The options with every default filled in. */
export type DatabaseOptions = v.InferOutput<typeof databaseOptionsSchema>;

/** Validates `openDatabase`'s options; a wrong one throws naming it. */
export function resolveDatabaseOptions(options: OpenDatabaseOptions = {}): DatabaseOptions {
  const result = v.safeParse(databaseOptionsSchema, options);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new TypeError(
    `Invalid openDatabase option "${v.getDotPath(issue) ?? "(options)"}": ${issue.message}`,
  );
}
