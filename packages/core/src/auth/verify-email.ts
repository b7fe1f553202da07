import * as v from "valibot";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { sendVerificationEmail, verificationCooldownKey } from "../mail/verification-email.js";
import { perIpKeys } from "../rate-limit/per-ip-keys.js";
import type { UserRecord } from "../storage/records.js";
import { bodyObject } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { consumeLiveToken, findLiveToken, tokenOf } from "./one-time-token-input.js";
import { recordUserEvent } from "./record-user-event.js";

/** Any JSON object; `token` is judged by `tokenOf` (400 `TokenRequired`). */
export const tokenBody = bodyObject({ token: v.optional(v.unknown()) });

/**
 * Counts one email asked for, per address and per client IP (the `email` rate limit); 429
 * `RateLimited` over it.
 */
export async function hitEmailLimit(
  ctx: AxorContext,
  email: string,
  client: ClientInfo,
): Promise<void> {
  await ctx.limiter.hit("email", [`email:address:${email}`, ...perIpKeys(ctx, "email", client.ip)]);
}

/**
 * Uses up a verification token and marks the user's email verified. The token must still be
 * live and sent to the user's current address (a link sent before an email change dies with
 * it): else 400 `InvalidToken`, and nothing is written. Of concurrent uses exactly one wins.
 */
export async function verifyEmail(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
): Promise<void> {
  const token = tokenOf(parseInput(tokenBody, input));
  const found = await findLiveToken(ctx, "verify_email", token);
  const user = await ctx.storage.getUserById(found.userId);
  if (!user || user.email !== found.email) throw new AxorError("InvalidToken");
  const consumed = await consumeLiveToken(ctx, "verify_email", token);
  if (consumed.email !== user.email) throw new AxorError("InvalidToken");
  const updated = await ctx.storage.updateUser(user.id, {
    isEmailVerified: true,
    updatedAt: ctx.now(),
  });
  if (!updated) throw new AxorError("InvalidToken");
  await recordUserEvent(ctx, user.id, "email_verified", client);
}

/**
 * Sends a new verification link to the user's current address; older links die. 400
 * `EmailVerified` when it is verified already; 429 `EmailVerificationLinkSentRecently` (with
 * Retry-After) within `emailCooldownSeconds` of the last link; 429 `RateLimited` over the
 * `email` limit.
 */
export async function resendVerificationEmail(
  ctx: AxorContext,
  user: UserRecord,
  client: ClientInfo,
): Promise<void> {
  if (user.isEmailVerified) throw new AxorError("EmailVerified");
  const cooldownKey = verificationCooldownKey(user.id);
  await ctx.limiter.claimCooldown(
    cooldownKey,
    ctx.options.emailCooldownSeconds,
    "EmailVerificationLinkSentRecently",
  );
  try {
    await hitEmailLimit(ctx, user.email, client);
    await sendVerificationEmail(ctx, user, { startCooldown: false });
  } catch (error) {
    // No link went out (a mail outage is reported, not thrown): the cooldown is given back.
    await ctx.limiter.reset([cooldownKey]).catch(() => {});
    throw error;
  }
  await recordUserEvent(ctx, user.id, "email_verification_sent", client);
}
