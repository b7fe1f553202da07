import { issueOneTimeToken } from "../auth/issue-one-time-token.js";
import type { AxorContext } from "../axor-context.js";
import type { UserRecord } from "../storage/records.js";
import { escapeHtml } from "./escape-html.js";
import type { EmailMessage } from "./mailer.js";
import { sendEmail } from "./send-email.js";

/** The email with the address-verification link. */
export function verificationEmail(user: UserRecord, link: string): EmailMessage {
  const greeting = `Hello ${user.firstName},`;
  const line = "Please confirm your email address by opening this link (valid for 24 hours):";
  return {
    to: user.email,
    subject: "Confirm your email address",
    text: `${greeting}\n\n${line}\n${link}\n\nIf you did not sign up, ignore this email.`,
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(line)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>If you did not sign up, ignore this email.</p>`,
  };
}

/** Issues a verification token for the user's current address and mails the link. */
export async function sendVerificationEmail(ctx: AxorContext, user: UserRecord): Promise<void> {
  const token = await issueOneTimeToken(ctx, "verify_email", user);
  const link = `${ctx.options.baseUrl}${ctx.options.pagesPath}/verify-email?token=${encodeURIComponent(token)}`;
  await sendEmail(ctx, verificationEmail(user, link));
}
