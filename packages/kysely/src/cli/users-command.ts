import type { Axor } from "@axor/core";
import type { CommandLine } from "./command-line.js";
import { UsageError } from "./usage-error.js";
import { usersActiveCommand, usersDeleteCommand } from "./users-account-commands.js";
import { usersCreateCommand } from "./users-create-command.js";
import { usersListCommand } from "./users-list-command.js";

const SUBCOMMANDS = "create, list, disable, enable or delete";

/** `axor-kysely users <subcommand>`: the operator's side of `axor.users`. */
export async function usersCommand(axor: Axor, line: CommandLine): Promise<number> {
  const subcommand = line.positionals[1];
  const extra = line.positionals[subcommand === "create" || subcommand === "list" ? 2 : 3];
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  switch (subcommand) {
    case "create":
      return usersCreateCommand(axor, line);
    case "list":
      return usersListCommand(axor, line);
    case "disable":
    case "enable":
      return usersActiveCommand(axor, line, subcommand);
    case "delete":
      return usersDeleteCommand(axor, line);
    case undefined:
      throw new UsageError(`missing users subcommand: ${SUBCOMMANDS}`);
    default:
      throw new UsageError(`unknown users subcommand "${subcommand}": expected ${SUBCOMMANDS}`);
  }
}
