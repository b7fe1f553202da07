import { toUser } from "../api/api-object-mappers.js";
import type { User } from "../api/api-objects.js";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { requireSession } from "../sessions/resolve-session.js";
import type { UserRecord } from "../storage/records.js";
import { fieldsPatch } from "../user-fields/fields-patch.js";
import { bodyObject, nameField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordUserEvent } from "./record-user-event.js";

/** The body of `change_name/` without `userFields` and with required names (the contract's). */
export const changeNameSchema = bodyObject({ first_name: nameField, last_name: nameField });

/**
 * `change_name/`: sets the signed-in user's first and last name (validated as at register:
 * trimmed, 1..150 characters; with `names: "optional"` a name not sent stays as it is) and the
 * declared fields flagged `profile` that it is sent, and a new `updatedAt`; returns the updated
 * user. Records `name_changed`.
 */
export async function changeName(
  ctx: AxorContext,
  user: UserRecord,
  input: unknown,
  client: ClientInfo,
): Promise<User> {
  const body = parseInput(ctx.profile.changeName, input);
  const updated = await ctx.storage.updateUser(user.id, {
    firstName: body.first_name,
    lastName: body.last_name,
    ...fieldsPatch(ctx, user, body),
    updatedAt: ctx.now(),
  });
  // The user was deleted between the session check and the update.
  if (!updated) throw new AxorError("NotAuthenticated");
  await recordUserEvent(ctx, user.id, "name_changed", client);
  return toUser(updated, ctx.userFields);
}

/** `axor.changeName`: the same, for the client's session (401 `NotAuthenticated` without one). */
export async function changeNameOfClient(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<User> {
  return changeName(ctx, (await requireSession(ctx, client)).user, input, client);
}
