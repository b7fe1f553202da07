import { parseArgs } from "node:util";
import { openDatabase } from "../open-database.js";
import { type DjangoImportSummary, importDjangoAxor } from "./import-django-axor.js";
import { progressBar } from "./progress-bar.js";

/** The help of `axor-kysely import-django-axor`. */
export const IMPORT_USAGE = `Usage: axor-kysely import-django-axor --from <url> --to <url> [options]

Brings a Django Axor (django-axor-auth) database over to Axor: users (bcrypt hashes kept),
live sessions, app tokens and, given --secret-key, enabled TOTP setups with their unused
backup codes. Safe to run again: what is already there is left alone.

Options:
  --from <url>                       the Django database: postgres://, mysql:// or a SQLite path
  --to <url>                         Axor's database (default: AXOR_DATABASE); migrated first
  -p, --prefix <prefix>              Axor's table prefix (default: axor_)
  --secret-key <key>                 Django's SECRET_KEY (default: DJANGO_SECRET_KEY); without
                                     it, users with TOTP on are skipped
  --axor-secret <secret>             Axor's secret option (default: AXOR_SECRET); needed with
                                     --secret-key
  --app-token-lifetime-days <days>   imported app tokens expire after this (default: 90)
  --batch-size <n>                   users per batch (default: 200)
`;

/** A wrong command line. */
export class ImportUsageError extends Error {}

interface Output {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Runs `axor-kysely import-django-axor` with its arguments (after the command name): prints the
 * progress and each user or row left out on stderr, the summary on stdout. Exit code 0, also
 * when rows were left out (they are listed); a wrong command line throws `ImportUsageError`.
 *
 * @example
 * ```ts
 * const code = await runImportCommand(
 *   ["--from", "postgres://django@db/app", "--to", "postgres://axor@db/app", "--secret-key", "..."],
 *   { stdout: process.stdout, stderr: process.stderr },
 * );
 * ```
 */
export async function runImportCommand(
  argv: string[],
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const values = parseImportArgs(argv);
  if (!values.from) throw new ImportUsageError("missing --from (the Django Axor database)");
  const to = values.to ?? env.AXOR_DATABASE;
  if (!to) throw new ImportUsageError("missing --to (or the AXOR_DATABASE variable)");
  const days = positiveNumber(values["app-token-lifetime-days"], "--app-token-lifetime-days", 90);
  const batchSize = positiveNumber(values["batch-size"], "--batch-size", 200);
  const djangoSecretKey = values["secret-key"] ?? env.DJANGO_SECRET_KEY;
  const axorSecret = values["axor-secret"] ?? env.AXOR_SECRET;
  if (djangoSecretKey && (axorSecret?.length ?? 0) < 32) {
    throw new ImportUsageError(
      "--secret-key needs --axor-secret (or AXOR_SECRET): Axor's secret, at least 32 characters",
    );
  }

  const source = openDatabase(values.from);
  const target = openDatabase(to);
  let bar: ReturnType<typeof progressBar> | undefined;
  try {
    const summary = await importDjangoAxor({
      from: source.db,
      to: target.db,
      tablePrefix: values.prefix,
      ...(djangoSecretKey ? { djangoSecretKey } : {}),
      ...(axorSecret ? { axorSecret } : {}),
      appTokenLifetimeDays: days,
      batchSize,
      onProgress(done, total) {
        bar ??= progressBar(output.stderr, total, "users");
        bar.update(done);
      },
      onSkip(reason) {
        bar?.finish();
        bar = undefined;
        output.stderr.write(`${reason}\n`);
      },
    });
    bar?.finish();
    output.stdout.write(summaryText(summary));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
  return 0;
}

function parseImportArgs(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        prefix: { type: "string", short: "p" },
        "secret-key": { type: "string" },
        "axor-secret": { type: "string" },
        "app-token-lifetime-days": { type: "string" },
        "batch-size": { type: "string" },
      },
    });
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    throw new ImportUsageError(error instanceof Error ? error.message : String(error));
  }
}

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new ImportUsageError(`${name} must be a positive whole number, got "${value}"`);
  }
  return number;
}

/** The summary printed at the end. */
export function summaryText(summary: DjangoImportSummary): string {
  const line = (
    label: string,
    counts: { imported: number; alreadyPresent: number; skipped: number },
  ) =>
    `${label.padEnd(11)} ${counts.imported} imported, ${counts.alreadyPresent} already there, ${counts.skipped} skipped\n`;
  return [
    line("Users:", summary.users),
    line("Sessions:", summary.sessions),
    line("App tokens:", summary.appTokens),
    `TOTP:       ${summary.totp.imported} setups imported, with ${summary.totp.backupCodes} unused backup codes\n`,
  ].join("");
}
