import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { composeEmail } from "../mail/compose-email.js";
import type { EmailTemplates } from "../mail/email-templates.js";
import { afterAnswer, sendEmail } from "../mail/send-email.js";
import { perIpKeys } from "../rate-limit/per-ip-keys.js";
import type { OneTimeTokenPurpose } from "../storage/records.js";
import { bodyObject, emailField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { issueOneTimeToken } from "./issue-one-time-token.js";
import { recordUserEvent } from "./record-user-event.js";

export const requestSchema = bodyObject({ email: emailField });

/** What one of the "email me a link" endpoints sends. */
export interface LinkEmail {
  purpose: OneTimeTokenPurpose;
  template: keyof EmailTemplates;
  /** The security event recorded when a link goes out. */
  event: string;
  /** What `onError` is told was being done, should the work after the answer fail. */
  during: string;
}

/** True when `key` is within the `email` limit; false (send nothing) when over it. */
async function withinEmailLimit(ctx: AxorContext, key: string): Promise<boolean> {
  try {
    await ctx.limiter.hit("email", [key]);
    return true;
  } catch (error) {
    if (error instanceof AxorError && error.code === "RateLimited") return false;
    throw error;
  }
}

/**
 * `forgot_password/request/` and `magic_link/request/`: answer the same, in the same time,
 * whatever the address. In the request only the body is validated (400 `ValidationError`) and
 * the client IP's `email` count taken (429 `RateLimited` over it: that says nothing about the
 * account). All the rest runs after the answer: the address's own count (over it, nothing is
 * sent), the lookup, and for a known, active account a new token (older links of the kind
 * die), the security event and the email.
 */
export async function requestEmailLink(
  ctx: AxorContext,
  input: unknown,
  client: ClientInfo,
  link: LinkEmail,
): Promise<void> {
  const { email } = parseInput(requestSchema, input);
  await ctx.limiter.hit("email", perIpKeys(ctx, "email", client.ip));
  afterAnswer(ctx, link.during, async () => {
    if (!(await withinEmailLimit(ctx, `email:address:${email}`))) return;
    const user = await ctx.storage.getUserByEmail(email);
    if (!user?.isActive) return;
    const value = await issueOneTimeToken(ctx, link.purpose, user);
    await recordUserEvent(ctx, user.id, link.event, client);
    await sendEmail(ctx, composeEmail(ctx, link.template, user, { purpose: link.purpose, value }));
  });
}
