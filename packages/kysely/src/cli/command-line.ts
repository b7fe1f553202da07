import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

/** Every option the CLI knows, for every command (each command checks which it takes). */
const OPTIONS = {
  database: { type: "string", short: "d" },
  prefix: { type: "string", short: "p" },
  help: { type: "boolean", short: "h" },
  "batch-size": { type: "string" },
  email: { type: "string" },
  "first-name": { type: "string" },
  "last-name": { type: "string" },
  "password-stdin": { type: "boolean" },
  verified: { type: "boolean" },
  search: { type: "string" },
  offset: { type: "string" },
  limit: { type: "string" },
  json: { type: "boolean" },
  "purge-events": { type: "boolean" },
} as const;

/** The parsed command line: positionals (command, subcommand, arguments) and options. */
export type CommandLine = ReturnType<typeof parseCommandLine>;

/** Parses `argv`; an unknown option or a missing value is a `UsageError`. */
export function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type OptionName = keyof typeof OPTIONS;
const GLOBAL: OptionName[] = ["database", "prefix", "help"];

/** Refuses options that `command` does not take. */
export function allowOnly(line: CommandLine, command: string, allowed: OptionName[]): void {
  for (const name of Object.keys(line.values) as OptionName[]) {
    if (!GLOBAL.includes(name) && !allowed.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
}

/** A whole number option, or undefined when absent; anything else is a `UsageError`. */
export function wholeNumberOption(line: CommandLine, name: OptionName): number | undefined {
  const raw = line.values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) {
    throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}
