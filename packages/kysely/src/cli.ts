#!/usr/bin/env node
/**
 * The `axor-kysely` command: applies Axor's migrations, or lists them, on the database named
 * by `--database` or `AXOR_DATABASE`. Exit code 0 on success, 1 with the reason on stderr;
 * `status` exits 2 while a migration is pending, so a deploy can gate on it.
 *
 * @example
 * ```sh
 * npx axor-kysely migrate --database postgres://app@db.internal/app
 * AXOR_DATABASE=./data/axor.db npx axor-kysely status --prefix auth_ || echo "migrate first"
 * ```
 */
import { parseArgs } from "node:util";
import { migrateToLatest, migrationStatus } from "./migrate.js";
import { openDatabase } from "./open-database.js";

const USAGE = `Usage: axor-kysely <command> [options]

Commands:
  migrate   apply Axor's pending migrations
  status    list Axor's migrations and whether each is applied;
            exits 2 while one is pending

Options:
  -d, --database <url>   a SQLite file path, ":memory:", a postgres:// or a mysql:// URL
                         (default: the AXOR_DATABASE environment variable)
  -p, --prefix <prefix>  table prefix (default: axor_)
  -h, --help             show this help
`;

/** `status`'s exit code while migrations are pending (1 is kept for errors). */
const PENDING_EXIT_CODE = 2;

/** Thrown for a wrong command line: printed with a pointer to --help. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError("missing command: migrate or status");
  if (command !== "migrate" && command !== "status") {
    throw new UsageError(`unknown command "${command}": expected migrate or status`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const database = values.database ?? process.env.AXOR_DATABASE;
  if (!database) throw new UsageError("missing --database (or the AXOR_DATABASE variable)");

  const options = { tablePrefix: values.prefix };
  const { db, close } = openDatabase(database);
  try {
    if (command === "migrate") {
      const { applied } = await migrateToLatest(db, options);
      process.stdout.write(
        applied.length === 0
          ? "Already up to date.\n"
          : applied.map((name) => `Applied ${name}\n`).join(""),
      );
    } else {
      const states = await migrationStatus(db, options);
      for (const { name, appliedAt } of states) {
        process.stdout.write(
          `${appliedAt ? `applied ${appliedAt.toISOString()}` : "pending"}  ${name}\n`,
        );
      }
      const pending = states.filter((state) => state.appliedAt === null).length;
      process.stdout.write(pending === 0 ? "Up to date.\n" : `${pending} pending.\n`);
      if (pending > 0) return PENDING_EXIT_CODE;
    }
  } finally {
    await close();
  }
  return 0;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        database: { type: "string", short: "d" },
        prefix: { type: "string", short: "p" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? "\nRun axor-kysely --help for usage." : "";
    process.stderr.write(`axor-kysely: ${message}${hint}\n`);
    process.exitCode = 1;
  },
);
