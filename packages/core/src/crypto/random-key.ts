import { randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, base64url: session keys and one-time tokens. */
export function randomKey(): string {
  return randomBytes(32).toString("base64url");
}
