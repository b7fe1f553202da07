import type { AxorContext } from "../axor-context.js";
import type { EmailMessage } from "./mailer.js";

/**
 * Sends an email without failing the request that caused it: the state change has happened,
 * so a mail server outage is reported through `onError` (default: console.error) instead.
 */
export async function sendEmail(ctx: AxorContext, message: EmailMessage): Promise<void> {
  try {
    await ctx.mailer.send(message);
  } catch (error) {
    ctx.reportError(error, `sending "${message.subject}" email`);
  }
}
