import type { Axor, User } from "@axor/core";
import { allowOnly, type CommandLine, wholeNumberOption } from "./command-line.js";

function describeUser(user: User): string {
  const flags = [
    user.is_active ? "active" : "disabled",
    user.is_email_verified ? "verified" : "unverified",
    ...(user.totp_enabled ? ["2fa"] : []),
  ].join(",");
  return `${user.id}  ${user.email}  ${user.first_name} ${user.last_name}  ${flags}  ${user.created_at}`;
}

/** `axor-kysely users list [--search S] [--offset N] [--limit N] [--json]`. */
export async function usersListCommand(axor: Axor, line: CommandLine): Promise<number> {
  allowOnly(line, "users list", ["search", "offset", "limit", "json"]);
  const page = await axor.users.list({
    search: line.values.search,
    offset: wholeNumberOption(line, "offset"),
    limit: wholeNumberOption(line, "limit"),
  });
  if (line.values.json) {
    process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    return 0;
  }
  for (const user of page.users) process.stdout.write(`${describeUser(user)}\n`);
  const last = page.offset + page.users.length;
  process.stdout.write(
    page.users.length === 0
      ? `No users (${page.total} in all).\n`
      : `Users ${page.offset + 1}-${last} of ${page.total}.\n`,
  );
  return 0;
}
