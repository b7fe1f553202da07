/**
 * One email Axor sends.
 *
 * @example
 * ```ts
 * declare const emailService: { send(mail: EmailMessage & { from: string }): Promise<unknown> };
 * const mailer: Mailer = {
 *   async send({ to, subject, text, html }: EmailMessage) {
 *     await emailService.send({ from: "no-reply@example.com", to, subject, text, html });
 *   },
 * };
 * // e.g. { to: "ada@example.com", subject: "Confirm your email address",
 * //        text: "Hello Ada,\n\n...", html: "<p>Hello Ada,</p>..." }
 * ```
 */
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
 * const outbox: EmailMessage[] = []; // what a test reads
 * const mailer: Mailer = {
 *   async send(message) {
 *     outbox.push(message);
 *   },
 * };
 * ```
 */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}
