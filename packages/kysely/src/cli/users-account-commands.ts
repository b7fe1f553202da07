import type { Axor } from "@axor/core";
import { allowOnly, type CommandLine } from "./command-line.js";
import { findNamedUser } from "./user-argument.js";

/** `axor-kysely users disable|enable <id|email>`. */
export async function usersActiveCommand(
  axor: Axor,
  line: CommandLine,
  action: "disable" | "enable",
): Promise<number> {
  allowOnly(line, `users ${action}`, []);
  const user = await findNamedUser(axor, `users ${action}`, line.positionals[2]);
  const changed =
    action === "disable" ? await axor.users.disable(user.id) : await axor.users.enable(user.id);
  process.stdout.write(
    `${action === "disable" ? "Disabled" : "Enabled"} user ${changed.id} <${changed.email}>.\n`,
  );
  return 0;
}

/** `axor-kysely users delete <id|email> [--purge-events]`. */
export async function usersDeleteCommand(axor: Axor, line: CommandLine): Promise<number> {
  allowOnly(line, "users delete", ["purge-events"]);
  const user = await findNamedUser(axor, "users delete", line.positionals[2]);
  const purgeEvents = line.values["purge-events"] ?? false;
  await axor.users.delete(user.id, { purgeEvents });
  process.stdout.write(
    `Deleted user ${user.id} <${user.email}>${purgeEvents ? " and their security events" : ""}.\n`,
  );
  return 0;
}
