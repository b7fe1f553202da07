import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** One message as the SMTP server received it: envelope and raw MIME source. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A running SMTP server: the URL to give `smtpMailer`, and every message it received. */
export interface SmtpSink {
  readonly url: string;
  readonly received: ReceivedMail[];
}

/**
 * A real `smtp-server` on 127.0.0.1 (any port, no auth, no TLS) for the enclosing describe
 * block: started before its tests, closed after them.
 */
export function useSmtpSink(): SmtpSink {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let url = "";
  beforeAll(async () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    server = smtp;
    url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return {
    get url() {
      return url;
    },
    received,
  };
}
