import type { AxorOptions } from "@axor/core";

type Mailer = NonNullable<AxorOptions["mailer"]>;
/**
 * One email as Axor hands it to its mailer.
 *
 * @example
 * ```ts
 * const [email]: SentEmail[] = ctx.outbox.messagesTo("ada@example.com");
 * expect(email?.subject).toBe("Confirm your email address");
 * const token = /token=([^\s"&]+)/.exec(email?.text ?? "")?.[1];
 * ```
 */
export type SentEmail = Parameters<Mailer["send"]>[0];

/**
 * A mailer that keeps every message instead of sending it.
 *
 * @example
 * ```ts
 * const outbox = new MailOutbox();
 * createAxor({ storage, secret, mailer: outbox });
 * outbox.messagesTo("ada@example.com"); // [{ to, subject, text, html }, ...]
 * ```
 */
export class MailOutbox implements Mailer {
  readonly messages: SentEmail[] = [];

  async send(message: SentEmail): Promise<void> {
    this.messages.push(message);
  }

  /** The messages sent to one address, oldest first. */
  messagesTo(address: string): SentEmail[] {
    return this.messages.filter((message) => message.to === address);
  }
}
