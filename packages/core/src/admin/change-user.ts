import { toUser } from "../api/api-object-mappers.js";
import type { User } from "../api/api-objects.js";
import { checkPasswordPolicy } from "../auth/password-policy.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { UserPatch } from "../storage/records.js";
import { fieldsPatch } from "../user-fields/fields-patch.js";
import { bodyObject, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordAdminEvent, requireUser } from "./admin-user.js";

const passwordSchema = bodyObject({ password: passwordField });

/** Applies `patch` to the user with this id (404 `UserNotFound` when gone) and records `event`. */
async function patchUser(
  ctx: AxorContext,
  id: string,
  patch: Omit<UserPatch, "updatedAt">,
  event: string,
): Promise<User> {
  const updated = await ctx.storage.updateUser(id, { ...patch, updatedAt: ctx.now() });
  if (!updated) throw new AxorError("UserNotFound");
  await recordAdminEvent(ctx, id, event);
  return toUser(updated, ctx.userFields);
}

/** `axor.users.updateNames`. */
export async function updateNames(ctx: AxorContext, id: unknown, input: unknown): Promise<User> {
  const fields = parseInput(ctx.profile.names, input);
  const user = await requireUser(ctx, id);
  return patchUser(
    ctx,
    user.id,
    { firstName: fields.first_name, lastName: fields.last_name },
    "name_changed",
  );
}

/**
 * `axor.users.updateFields`: sets the declared fields it is sent (any of them, whatever their
 * `register` and `profile` flags), validated with their schemas; the others stay as they are.
 */
export async function updateFields(ctx: AxorContext, id: unknown, input: unknown): Promise<User> {
  const body = parseInput(ctx.profile.adminFields, input);
  const user = await requireUser(ctx, id);
  return patchUser(ctx, user.id, fieldsPatch(ctx, user, body), "fields_changed");
}

/** `axor.users.setPassword`: the policy, the hash, then every session and token ends. */
export async function setPassword(ctx: AxorContext, id: unknown, password: unknown): Promise<void> {
  const fields = parseInput(passwordSchema, { password });
  checkPasswordPolicy(ctx.options.password, fields.password);
  const user = await requireUser(ctx, id);
  const passwordHash = await ctx.hasher.hash(fields.password);
  await patchUser(ctx, user.id, { passwordHash }, "password_set");
  await ctx.storage.revokeUserSessions(user.id, ctx.now());
  await ctx.storage.deleteOneTimeTokens(user.id, "reset_password");
}

/** `axor.users.markEmailVerified`: pending verification links die. */
export async function markEmailVerified(ctx: AxorContext, id: unknown): Promise<User> {
  const user = await requireUser(ctx, id);
  const updated = await patchUser(ctx, user.id, { isEmailVerified: true }, "email_verified");
  await ctx.storage.deleteOneTimeTokens(user.id, "verify_email");
  return updated;
}

/** `axor.users.disable`: the flag first (the session check reads it), then the sessions end. */
export async function disableUser(ctx: AxorContext, id: unknown): Promise<User> {
  const user = await requireUser(ctx, id);
  const updated = await patchUser(ctx, user.id, { isActive: false }, "user_disabled");
  await ctx.storage.revokeUserSessions(user.id, ctx.now());
  return updated;
}

/** `axor.users.enable`. */
export async function enableUser(ctx: AxorContext, id: unknown): Promise<User> {
  const user = await requireUser(ctx, id);
  return patchUser(ctx, user.id, { isActive: true }, "user_enabled");
}
