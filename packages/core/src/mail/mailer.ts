/** One email Axor sends. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends Axor's emails. Use `smtpMailer(url)` (nodemailer), `consoleMailer()` (the default),
 * or any object with this `send`.
 *
 * @example
 * ```ts
 * const mailer: Mailer = { send: async (message) => queue.push(message) };
 * ```
 */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}
