import type { Axor } from "@axor/core";
import { allowOnly, type CommandLine } from "./command-line.js";
import { readPasswordFromStdin } from "./read-stdin.js";
import { UsageError } from "./usage-error.js";

/**
 * `axor-kysely users create --email E --first-name F --last-name L [--password-stdin]
 * [--verified]`: the password is read from standard input, never from the command line (which
 * other users of the machine and the shell history can read).
 */
export async function usersCreateCommand(axor: Axor, line: CommandLine): Promise<number> {
  allowOnly(line, "users create", [
    "email",
    "first-name",
    "last-name",
    "password-stdin",
    "verified",
  ]);
  const { values } = line;
  const password = values["password-stdin"] ? await readPasswordFromStdin() : undefined;
  if (line.positionals.length > 2) {
    throw new UsageError(`unexpected argument "${line.positionals[2]}"`);
  }
  // A missing option is passed on as missing, so the error says "This field is required."
  const user = await axor.users.create({
    email: values.email as string,
    first_name: values["first-name"] as string,
    last_name: values["last-name"] as string,
    password,
    email_verified: values.verified ?? false,
  });
  process.stdout.write(
    `Created user ${user.id} <${user.email}>${password === undefined ? " (no password: magic link only)" : ""}.\n`,
  );
  return 0;
}
