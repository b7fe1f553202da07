import { createTransport } from "nodemailer";
import * as v from "valibot";
import type { Mailer } from "./mailer.js";

const smtpUrl = v.pipe(
  v.string("must be a string"),
  v.url("must be an SMTP URL such as smtp://user:pass@smtp.example.com:587"),
  v.check((url) => /^smtps?:\/\//i.test(url), "must start with smtp:// or smtps://"),
);
const sender = v.pipe(v.string("must be a string"), v.email("must be an email address"));

/** Throws a `TypeError` naming `name` when `value` fails `schema`. */
function check(name: string, schema: v.GenericSchema, value: unknown): void {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new TypeError(`Invalid smtpMailer ${name}: ${result.issues[0].message}`);
  }
}

/**
 * Sends Axor's emails through an SMTP server with nodemailer. A missing or malformed URL or
 * sender fails here, at startup, with a message naming it (the URL itself is never repeated:
 * it may hold a password).
 *
 * @param url An SMTP URL, e.g. `smtp://user:pass@smtp.example.com:587` or `smtps://...`.
 * @param from The sender address.
 * @example
 * ```ts
 * createAxor({ storage, secret, mailer: smtpMailer(process.env.AXOR_SMTP_URL!, "no-reply@example.com") });
 * ```
 */
export function smtpMailer(url: string, from: string): Mailer {
  check('"url"', smtpUrl, url);
  check('"from"', sender, from);
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
