import { createHash } from "node:crypto";

/** Hex SHA-256 of a key or token: the only form in which storage ever sees one. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
