import type { Kysely, Migrator } from "kysely";
import { DatabaseDriverError } from "./database-driver.js";
import { axorMigrationProvider } from "./migrations/axor-migrations.js";
import { DEFAULT_TABLE_PREFIX, tableNames } from "./table-names.js";

/**
 * Options of `migrateToLatest` and `migrationStatus`.
 *
 * @example
 * ```ts
 * const options: MigrateOptions = { tablePrefix: "auth_" }; // the same prefix as kyselyStorage's
 * await migrateToLatest(db, options);
 * ```
 */
export interface MigrateOptions {
  /** The table prefix, as given to `kyselyStorage`. Default `"axor_"`. */
  tablePrefix?: string;
}

/**
 * What `migrateToLatest` did.
 *
 * @example
 * ```ts
 * const { applied }: MigrationOutcome = await migrateToLatest(db);
 * // ["0001_initial_schema", ..., "0004_latest_session_index"] on an empty database, [] once up to date
 * ```
 */
export interface MigrationOutcome {
  /** Names of the migrations applied by this call, in order; empty when already up to date. */
  applied: string[];
}

/**
 * One migration and whether it has run.
 *
 * @example
 * ```ts
 * const states: MigrationState[] = await migrationStatus(db);
 * for (const { name, appliedAt } of states) {
 *   console.log(name, appliedAt?.toISOString() ?? "pending"); // "0001_initial_schema ..."
 * }
 * ```
 */
export interface MigrationState {
  name: string;
  /** When it was applied; null while pending. */
  appliedAt: Date | null;
}

/**
 * Kysely's `Migrator` class: exported by "kysely" up to 0.28, only by "kysely/migration" from
 * 0.29 (which 0.28 lacks). Both are peers this package accepts, so it is looked up at run time.
 */
async function loadMigrator(): Promise<typeof Migrator> {
  const root = (await import("kysely")) as { Migrator?: typeof Migrator };
  if (root.Migrator) return root.Migrator;
  const subpath = "kysely/migration"; // a variable: 0.28's types have no such module
  return ((await import(subpath)) as { Migrator: typeof Migrator }).Migrator;
}

/** Kysely's `Migrator` over Axor's migrations and bookkeeping tables for `options`' prefix. */
export async function migratorFor(db: Kysely<any>, options: MigrateOptions): Promise<Migrator> {
  const tables = tableNames(options.tablePrefix);
  const KyselyMigrator = await loadMigrator();
  return new KyselyMigrator({
    db: db.withoutPlugins(),
    provider: axorMigrationProvider(tables),
    migrationTableName: tables.migrations,
    migrationLockTableName: tables.migrationLock,
  });
}

/**
 * Brings Axor's tables up to date with Kysely's `Migrator` (the migrations ship inside the
 * package). Safe to call on every start: a second run applies nothing. Migration bookkeeping
 * tables carry the prefix too, so two prefixes can share one database. Throws an `Error` naming
 * the failed migration, with the database error as `cause`; a driver that cannot load throws its
 * `DatabaseDriverError` as it is.
 *
 * @example
 * ```ts
 * import { migrateToLatest, openDatabase } from "@axor/kysely";
 *
 * const { db } = openDatabase("postgres://postgres@127.0.0.1:5432/app");
 * const { applied } = await migrateToLatest(db, { tablePrefix: "axor_" });
 * console.log(applied.length ? `applied ${applied.join(", ")}` : "up to date");
 * ```
 */
export async function migrateToLatest(
  db: Kysely<any>,
  options: MigrateOptions = {},
): Promise<MigrationOutcome> {
  const { error, results = [] } = await (await migratorFor(db, options)).migrateToLatest();
  if (error instanceof DatabaseDriverError) throw error; // an installation problem, not a migration's
  if (error !== undefined) {
    const failed = results.find((result) => result.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Axor migration ${failed ? `"${failed}" ` : ""}failed (table prefix "${options.tablePrefix ?? DEFAULT_TABLE_PREFIX}"): ${reason}`,
      { cause: error },
    );
  }
  return {
    applied: results
      .filter((result) => result.status === "Success")
      .map((result) => result.migrationName),
  };
}

/**
 * Every Axor migration with the time it was applied, or null when pending.
 *
 * @example
 * ```ts
 * const pending = (await migrationStatus(db)).filter((m) => m.appliedAt === null);
 * if (pending.length > 0) throw new Error("run `axor-kysely migrate` first");
 * ```
 */
export async function migrationStatus(
  db: Kysely<any>,
  options: MigrateOptions = {},
): Promise<MigrationState[]> {
  try {
    const migrations = await (await migratorFor(db, options)).getMigrations();
    return migrations.map(({ name, executedAt }) => ({ name, appliedAt: executedAt ?? null }));
  } catch (error) {
    if (error instanceof DatabaseDriverError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not read the Axor migration status: ${reason}`, { cause: error });
  }
}
