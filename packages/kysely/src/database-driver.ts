import { createRequire } from "node:module";
import type { DatabaseLocation } from "./database-location.js";

type DatabaseDialect = DatabaseLocation["dialect"];

/** The npm package that talks to each database family. */
export const DRIVER_PACKAGES = {
  sqlite: "better-sqlite3",
  postgres: "pg",
  mysql: "mysql2",
} as const satisfies Record<DatabaseDialect, string>;

const requireFromHere = createRequire(import.meta.url);

/**
 * The database driver is missing or cannot load (a native build that never ran). Thrown by
 * `openDatabase`, by the first query, and passed through unchanged by `migrateToLatest`: it is
 * an installation problem, not a database or migration failure. `driver` names the package.
 *
 * @example
 * ```ts
 * try {
 *   openDatabase("postgres://app@db.internal/app");
 * } catch (error) {
 *   if (error instanceof DatabaseDriverError) console.error(`install ${error.driver}`);
 * }
 * ```
 */
export class DatabaseDriverError extends Error {
  override readonly name = "DatabaseDriverError";
  constructor(
    readonly driver: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Throws `DatabaseDriverError` at once when the dialect's driver package is not installed. */
export function assertDriverInstalled(dialect: DatabaseDialect): void {
  const driver = DRIVER_PACKAGES[dialect];
  try {
    requireFromHere.resolve(driver);
  } catch (error) {
    throw missingDriver(dialect, error);
  }
}

/** Imports the dialect's driver, turning a missing or unbuilt package into `DatabaseDriverError`. */
export async function importDriver<T>(
  dialect: DatabaseDialect,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw explainDriverFailure(dialect, error);
  }
}

/**
 * `error` as `DatabaseDriverError` when it says the driver is missing or its native addon was
 * never built; any other error is returned unchanged.
 */
export function explainDriverFailure(dialect: DatabaseDialect, error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : "";
  const driver = DRIVER_PACKAGES[dialect];
  if ((code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && text.includes(driver)) {
    return missingDriver(dialect, error);
  }
  if (
    /could not locate the bindings file|was compiled against a different node\.js version|invalid ELF header|\.node: cannot open shared object/i.test(
      text,
    )
  ) {
    return new DatabaseDriverError(
      driver,
      `The ${driver} package is installed but its native addon is not built (${firstLine(text)}). ` +
        `Its install script must run: with npm 11 allow it in package.json ("allowScripts": { "${driver}": true }), ` +
        `with pnpm run \`pnpm approve-builds\` or list it in "onlyBuiltDependencies", then reinstall ` +
        `(\`npm rebuild ${driver}\`). Building needs Python and a C++ toolchain when no prebuilt binary ` +
        `matches this Node version. See docs/installation.md of Axor.`,
      { cause: error },
    );
  }
  return error;
}

function missingDriver(dialect: DatabaseDialect, cause: unknown): DatabaseDriverError {
  const driver = DRIVER_PACKAGES[dialect];
  const family = { sqlite: "a SQLite", postgres: "a PostgreSQL", mysql: "a MySQL/MariaDB" }[
    dialect
  ];
  return new DatabaseDriverError(
    driver,
    `@axor/kysely needs the "${driver}" package for ${family} database, and it is not installed: run \`npm install ${driver}\` in your app.`,
    { cause },
  );
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
