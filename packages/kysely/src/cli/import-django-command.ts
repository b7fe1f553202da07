import {
  IMPORT_USAGE,
  ImportUsageError,
  runImportCommand,
} from "../django-import/import-command.js";
import { UsageError } from "./usage-error.js";

/** `axor-kysely import-django-axor ...`: its own options (see its --help). */
export async function importDjangoCommand(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  try {
    return await runImportCommand(argv, { stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    if (error instanceof ImportUsageError) throw new UsageError(error.message);
    throw error;
  }
}
