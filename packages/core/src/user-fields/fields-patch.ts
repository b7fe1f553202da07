import type { AxorContext } from "../axor-context.js";
import type { NewUser, UserPatch, UserRecord } from "../storage/records.js";

/**
 * The `fields` part of a `UserPatch` for a parsed body: the declared fields it carries merged
 * over the user's stored ones, or nothing when it carries none (so storages without fields, and
 * apps without `userFields`, see the same patch as before).
 */
export function fieldsPatch(
  ctx: AxorContext,
  user: UserRecord,
  body: Record<string, unknown>,
): Pick<UserPatch, "fields"> {
  const changes = ctx.userFields.pick(body);
  if (Object.keys(changes).length === 0) return {};
  return { fields: ctx.userFields.merged(user, changes) };
}

/**
 * The `fields` part of a `NewUser` for a parsed body (defaults filled in by the schema), or
 * nothing when the instance declares no fields: a storage written before `userFields` then
 * gets the same `NewUser` as before.
 */
export function newUserFields(
  ctx: AxorContext,
  body: Record<string, unknown>,
): Pick<NewUser, "fields"> {
  return ctx.userFields.names.length === 0 ? {} : { fields: ctx.userFields.pick(body) };
}
