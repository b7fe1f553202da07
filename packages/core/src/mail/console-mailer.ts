import type { Mailer } from "./mailer.js";

/**
 * The default mailer: prints each email's recipient, subject and text to stdout. For
 * development only; production apps pass `smtpMailer(url)` or their own.
 *
 * @example
 * ```ts
 * createAxor({ storage, secret, mailer: consoleMailer() });
 * ```
 */
export function consoleMailer(write: (line: string) => void = console.log): Mailer {
  return {
    async send(message) {
      write(`[axor mail] to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
}
