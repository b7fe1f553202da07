#!/usr/bin/env node
/**
 * The `axor-kysely` command, on the database named by `--database` or `AXOR_DATABASE`:
 * `migrate` and `status` for the schema, `cleanup` for housekeeping (from cron), and
 * `users create|list|disable|enable|delete` for operators, and `import-django-axor` to bring
 * a Django Axor database over (docs/django-axor.md). Exit code 0 on success, 1 with the
 * reason on stderr (one line, or one per invalid field; never a stack trace); `status` exits 2
 * while a migration is pending, so a deploy can gate on it.
 *
 * @example
 * ```sh
 * npx axor-kysely migrate --database postgres://app@db.internal/app
 * AXOR_DATABASE=./data/axor.db npx axor-kysely status --prefix auth_ || echo "migrate first"
 * printf '%s' "$ADMIN_PASSWORD" | npx axor-kysely users create --email admin@example.com \
 *   --first-name Site --last-name Admin --verified --password-stdin
 * npx axor-kysely users disable mallory@example.com
 * npx axor-kysely cleanup   # e.g. hourly from cron
 * npx axor-kysely import-django-axor --from postgres://django@db/app --to postgres://app@db/app
 * ```
 */
import { errorMessage } from "./cli/axor-error-message.js";
import { type CommandLine, parseCommandLine } from "./cli/command-line.js";
import { migrateCommand, statusCommand } from "./cli/migration-commands.js";
import { USAGE } from "./cli/usage.js";
import { UsageError } from "./cli/usage-error.js";
import { openDatabase } from "./open-database.js";

const COMMANDS = ["migrate", "status", "cleanup", "users"];

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "import-django-axor") {
    const { importDjangoCommand } = await import("./cli/import-django-command.js");
    return importDjangoCommand(argv.slice(1));
  }
  const line = parseCommandLine(argv);
  if (line.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command] = line.positionals;
  if (command === undefined) throw new UsageError(`missing command: ${COMMANDS.join(", ")}`);
  if (!COMMANDS.includes(command)) {
    throw new UsageError(`unknown command "${command}": expected ${COMMANDS.join(", ")}`);
  }
  if (command !== "users" && line.positionals.length > 1) {
    throw new UsageError(`unexpected argument "${line.positionals[1]}"`);
  }
  const database = line.values.database ?? process.env.AXOR_DATABASE;
  if (!database) throw new UsageError("missing --database (or the AXOR_DATABASE variable)");
  return run(command, line, database);
}

async function run(command: string, line: CommandLine, database: string): Promise<number> {
  const prefix = line.values.prefix;
  if (command === "migrate" || command === "status") {
    const { db, close } = openDatabase(database);
    try {
      return command === "migrate"
        ? await migrateCommand(db, prefix)
        : await statusCommand(db, prefix);
    } finally {
      await close();
    }
  }
  // Only the commands over axor.users and axor.cleanup load @axor/core (and argon2).
  const { openCliAxor } = await import("./cli/open-axor.js");
  const { axor, close } = openCliAxor(database, prefix);
  try {
    if (command === "cleanup") {
      const { cleanupCommand } = await import("./cli/cleanup-command.js");
      return await cleanupCommand(axor, line);
    }
    const { usersCommand } = await import("./cli/users-command.js");
    return await usersCommand(axor, line);
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const hint = error instanceof UsageError ? "\nRun axor-kysely --help for usage." : "";
    process.stderr.write(`axor-kysely: ${errorMessage(error)}${hint}\n`);
    process.exitCode = 1;
  },
);
