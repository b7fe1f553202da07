import type { AxorContext } from "../axor-context.js";
import type { EmailMessage } from "./mailer.js";

/**
 * Sends an email. A failure (the SMTP server down) is reported to `onError` and never fails
 * the request: the account change it tells about has happened.
 */
export async function sendEmail(ctx: AxorContext, message: EmailMessage): Promise<void> {
  try {
    await ctx.mailer.send(message);
  } catch (error) {
    ctx.reportError(error, `sending "${message.subject}" email`);
  }
}

/**
 * Runs `work` after the current request has been answered (the next turn of the event loop),
 * so an endpoint that must answer the same whether or not an email goes out (forgot_password,
 * magic_link) takes the same time either way. What `work` throws is reported to `onError`.
 */
export function afterAnswer(ctx: AxorContext, during: string, work: () => Promise<void>): void {
  setImmediate(() => {
    work().catch((error: unknown) => ctx.reportError(error, during));
  });
}
