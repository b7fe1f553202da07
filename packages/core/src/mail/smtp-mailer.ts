import { createTransport } from "nodemailer";
import type { Mailer } from "./mailer.js";

/**
 * Sends Axor's emails through an SMTP server with nodemailer.
 *
 * @param url An SMTP URL, e.g. `smtp://user:pass@smtp.example.com:587` or `smtps://...`.
 * @param from The sender address.
 * @example
 * ```ts
 * createAxor({ storage, secret, mailer: smtpMailer(process.env.AXOR_SMTP_URL!, "no-reply@example.com") });
 * ```
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
