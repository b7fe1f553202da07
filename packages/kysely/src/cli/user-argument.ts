import type { Axor, User } from "@axor/core";
import { UsageError } from "./usage-error.js";

/**
 * The user an operator named on the command line: by email when the argument has an `@`, else
 * by id. A user that does not exist is an `Error` that names the argument.
 */
export async function findNamedUser(
  axor: Axor,
  command: string,
  argument: string | undefined,
): Promise<User> {
  if (argument === undefined) throw new UsageError(`${command} needs a user id or email`);
  const user = argument.includes("@")
    ? await axor.users.getByEmail(argument)
    : await axor.users.get(argument);
  if (!user)
    throw new Error(`no user has the ${argument.includes("@") ? "email" : "id"} ${argument}`);
  return user;
}
