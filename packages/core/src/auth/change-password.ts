import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { composeEmail } from "../mail/compose-email.js";
import { sendEmail } from "../mail/send-email.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { bodyObject, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { recordUserEvent } from "./record-user-event.js";

export const changePasswordSchema = bodyObject({
  old_password: passwordField,
  new_password: passwordField,
});

/**
 * `change_password/` for the caller's live session `current`: checks the old password (400
 * `InvalidOldPassword`; each attempt counts against the account's failed-login limit, 429
 * `RateLimited` over it) and the policy for the new one (400 `InvalidNewPassword`) before
 * anything is written, then sets it, revokes every other session and app token of the user
 * (the current one stays), kills pending reset and magic links, records `password_changed`
 * and sends `passwordChanged`.
 */
export async function changePassword(
  ctx: AxorContext,
  input: unknown,
  current: ResolvedSession,
  client: ClientInfo,
): Promise<void> {
  const fields = parseInput(changePasswordSchema, input);
  const { user, session } = current;
  // Guessing the password with a stolen session costs what guessing it at login/ from an
  // untrusted client costs: a wrong old password counts against the account's ceiling.
  const attempt = await ctx.limiter.admit("loginAccount", [`login:account:${user.email}`]);
  const judged = await ctx.hasher
    .verify(user.passwordHash, fields.old_password)
    .catch(async (error: unknown) => {
      await attempt.abandoned().catch(() => {});
      throw error;
    });
  if (!judged) {
    await attempt.failed();
    await recordUserEvent(ctx, user.id, "password_change_failed", client);
    throw new AxorError("InvalidOldPassword", {
      errors: { old_password: ["The current password is incorrect."] },
    });
  }
  await attempt.succeeded();
  checkPasswordPolicy(
    ctx.options.password,
    fields.new_password,
    "InvalidNewPassword",
    "new_password",
  );
  const passwordHash = await ctx.hasher.hash(fields.new_password);

  const now = ctx.now();
  const updated = await ctx.storage.updateUser(user.id, { passwordHash, updatedAt: now });
  await ctx.storage.revokeUserSessions(user.id, now, session.id);
  await ctx.storage.deleteOneTimeTokens(user.id, "reset_password");
  await ctx.storage.deleteOneTimeTokens(user.id, "magic_link");
  await recordUserEvent(ctx, user.id, "password_changed", client);
  await sendEmail(ctx, composeEmail(ctx, "passwordChanged", updated ?? user));
}
