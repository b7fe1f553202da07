import type { RunningExample } from "../../../../test-support/run-example.js";

/**
 * Waits for the console mailer (the example's stdout) to print a link to `path` after output
 * position `since`; returns it made absolute on the example's origin.
 */
export async function waitForLink(
  example: RunningExample,
  since: number,
  path: string,
): Promise<string> {
  const pattern = new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=[^\\s"<>]+`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = pattern.exec(example.output().slice(since));
    if (found) return `${example.origin}${found[0]}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${path} link printed:\n${example.output().slice(since)}`);
}
