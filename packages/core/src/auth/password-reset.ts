import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { composeEmail } from "../mail/compose-email.js";
import { sendEmail } from "../mail/send-email.js";
import type { OneTimeTokenRecord, UserRecord } from "../storage/records.js";
import { bodyObject, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { requestEmailLink } from "./email-link-request.js";
import { consumeLiveToken, findLiveToken, tokenOf } from "./one-time-token-input.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { recordUserEvent } from "./record-user-event.js";

/** Only the body's shape: `token` itself is judged by `tokenOf` (400 `TokenRequired`). */
export const validateSchema = bodyObject({ token: v.optional(v.unknown()) });
export const resetSchema = bodyObject({ token: v.optional(v.unknown()), password: passwordField });

/** `forgot_password/request/`: see `requestEmailLink`; the link leads to a new password. */
export function requestPasswordReset(ctx: AxorContext, input: unknown, client: ClientInfo) {
  return requestEmailLink(ctx, input, client, {
    purpose: "reset_password",
    template: "resetPassword",
    event: "password_reset_requested",
    during: "sending a password reset email",
  });
}

/**
 * The live reset token and its user, without using the token up: 400 `InvalidToken` when the
 * token is unknown, expired or used, its user is gone or disabled, or the user's email has
 * changed since it was sent.
 */
async function liveResetToken(
  ctx: AxorContext,
  token: string,
): Promise<{ found: OneTimeTokenRecord; user: UserRecord }> {
  const found = await findLiveToken(ctx, "reset_password", token);
  const user = await ctx.storage.getUserById(found.userId);
  if (!user?.isActive || user.email !== found.email) throw new AxorError("InvalidToken");
  return { found, user };
}

/** `forgot_password/validate/`: resolves when the reset token is live (it stays usable). */
export async function validatePasswordResetToken(ctx: AxorContext, input: unknown): Promise<void> {
  parseInput(validateSchema, input);
  await liveResetToken(ctx, tokenOf(input));
}

/**
 * `forgot_password/reset/`: checks the token (400 `TokenRequired` / `InvalidToken`) and the
 * password policy (400 `InvalidPassword`) before anything is written, then uses the token up
 * (of concurrent resets exactly one wins), sets the new password, marks the email verified
 * (the link reached it), revokes every session and app token of the user, kills the user's
 * other reset and magic links, records `password_reset` and sends `passwordChanged`.
 */
export async function resetPassword(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<void> {
  parseInput(validateSchema, input); // a JSON object, before its token is judged
  const token = tokenOf(input);
  const { password } = parseInput(resetSchema, input);
  const { user } = await liveResetToken(ctx, token);
  checkPasswordPolicy(ctx.options.password, password);
  const passwordHash = await ctx.hasher.hash(password);

  await consumeLiveToken(ctx, "reset_password", token);
  const now = ctx.now();
  const updated = await ctx.storage.updateUser(user.id, {
    passwordHash,
    isEmailVerified: true,
    updatedAt: now,
  });
  await ctx.storage.revokeUserSessions(user.id, now);
  await ctx.storage.deleteOneTimeTokens(user.id, "reset_password");
  await ctx.storage.deleteOneTimeTokens(user.id, "magic_link");
  await recordUserEvent(ctx, user.id, "password_reset", client);
  await sendEmail(ctx, composeEmail(ctx, "passwordChanged", updated ?? user));
}
