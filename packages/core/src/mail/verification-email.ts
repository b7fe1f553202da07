import { issueOneTimeToken } from "../auth/issue-one-time-token.js";
import type { AxorContext } from "../axor-context.js";
import type { UserRecord } from "../storage/records.js";
import { composeEmail } from "./compose-email.js";
import { sendEmail } from "./send-email.js";

/** The rate-limit key of a user's `verify_email/resend/` cooldown (`emailCooldownSeconds`). */
export const verificationCooldownKey = (userId: string) => `verify_email:cooldown:${userId}`;

/**
 * Issues a new verification token for the user's current address (older links die) and sends
 * the link; `verify_email/resend/` then answers 429 for `emailCooldownSeconds` (pass
 * `startCooldown: false` when the caller has claimed the cooldown already). A mail outage is
 * reported, not thrown.
 */
export async function sendVerificationEmail(
  ctx: AxorContext,
  user: UserRecord,
  { startCooldown = true }: { startCooldown?: boolean } = {},
): Promise<void> {
  const token = await issueOneTimeToken(ctx, "verify_email", user);
  if (startCooldown) {
    await ctx.limiter
      .startCooldown(verificationCooldownKey(user.id), ctx.options.emailCooldownSeconds)
      .catch((error: unknown) => ctx.reportError(error, "starting the verification cooldown"));
  }
  const message = composeEmail(ctx, "verifyEmail", user, { purpose: "verify_email", value: token });
  await sendEmail(ctx, message);
}
