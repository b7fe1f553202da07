import type { EmailMessage } from "../../src/index.js";

/** A mailer that keeps what it is given, for tests that read the emails Axor sends. */
export function outbox() {
  const sent: EmailMessage[] = [];
  return { sent, mailer: { send: async (message: EmailMessage) => void sent.push(message) } };
}

/** The `?token=` of the link in an email's text. */
export const tokenIn = (message: EmailMessage | undefined) =>
  decodeURIComponent(/token=([^\s"&<]+)/.exec(message?.text ?? "")?.[1] ?? "");

/** Polls `find` (every 2 ms, up to 2 s) until it returns something: for work done after the answer. */
export async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error("timed out");
}
