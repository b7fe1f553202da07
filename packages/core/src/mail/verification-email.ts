import { issueOneTimeToken } from "../auth/issue-one-time-token.js";
import type { AxorContext } from "../axor-context.js";
import type { UserRecord } from "../storage/records.js";
import { composeEmail } from "./compose-email.js";
import { sendEmail } from "./send-email.js";

/**
 * Issues a new verification token for the user's current address (older links die) and sends
 * the link. A mail outage is reported, not thrown.
 */
export async function sendVerificationEmail(ctx: AxorContext, user: UserRecord): Promise<void> {
  const token = await issueOneTimeToken(ctx, "verify_email", user);
  const message = composeEmail(ctx, "verifyEmail", user, { purpose: "verify_email", value: token });
  await sendEmail(ctx, message);
}
