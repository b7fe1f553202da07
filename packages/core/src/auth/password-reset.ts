import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { composeEmail } from "../mail/compose-email.js";
import { afterAnswer, sendEmail } from "../mail/send-email.js";
import { clientIpKey } from "../rate-limit/client-ip-key.js";
import type { OneTimeTokenRecord, UserRecord } from "../storage/records.js";
import { bodyObject, emailField, passwordField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { issueOneTimeToken } from "./issue-one-time-token.js";
import { consumeLiveToken, findLiveToken, tokenOf } from "./one-time-token-input.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { recordUserEvent } from "./record-user-event.js";

const requestSchema = bodyObject({ email: emailField });
/** Only the body's shape: `token` itself is judged by `tokenOf` (400 `TokenRequired`). */
const validateSchema = bodyObject({ token: v.optional(v.unknown()) });
const resetSchema = bodyObject({ token: v.optional(v.unknown()), password: passwordField });

/**
 * `forgot_password/request/`: answers the same, in the same time, whatever the address is.
 * In the request: the body is validated (400 `ValidationError`) and the client IP's `email`
 * count is taken (429 `RateLimited` over the limit: it says nothing about the account). All
 * the rest runs after the answer: the per-address count (over it, nothing is sent), the
 * lookup, and for a known, active account a new reset token (older links die) and the email.
 */
export async function requestPasswordReset(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<void> {
  const { email } = parseInput(requestSchema, input);
  await ctx.limiter.hit("email", [`email:ip:${clientIpKey(client.ip)}`]);
  afterAnswer(ctx, "sending a password reset email", () => sendResetEmail(ctx, email, client));
}

async function sendResetEmail(ctx: AxorContext, email: string, client: ClientInfo): Promise<void> {
  try {
    await ctx.limiter.hit("email", [`email:address:${email}`]);
  } catch (error) {
    if (error instanceof AxorError && error.code === "RateLimited") return; // nothing sent
    throw error;
  }
  const user = await ctx.storage.getUserByEmail(email);
  if (!user?.isActive) return;
  const token = await issueOneTimeToken(ctx, "reset_password", user);
  await recordUserEvent(ctx, user.id, "password_reset_requested", client);
  const message = composeEmail(ctx, "resetPassword", user, {
    purpose: "reset_password",
    value: token,
  });
  await sendEmail(ctx, message);
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
