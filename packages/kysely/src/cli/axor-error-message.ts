import { AxorError } from "@axor/core";

/**
 * One readable message for an error a CLI command met: an `AxorError`'s detail and each field's
 * problems (`--email: Enter a valid email address.`), else the error's own message.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof AxorError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.errors ?? {}).map(
    ([field, problems]) => `\n  --${field.replaceAll("_", "-")}: ${problems.join(" ")}`,
  );
  const summary = error.code === "ValidationError" ? "invalid input:" : error.detail;
  return `${summary}${fields.join("")}`;
}
