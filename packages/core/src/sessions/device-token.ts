import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { constantTimeEqual } from "../crypto/constant-time-equal.js";

/**
 * Device tokens (OWASP's "device cookies"): a browser that signed in to an account gets one,
 * and its later login attempts for that account are throttled on their own, so guessing
 * against the account from elsewhere cannot lock that browser out. A token is a random nonce
 * and an HMAC binding it to the account's email; nothing is stored.
 */
export interface DeviceTokens {
  /** A new token for `email`. */
  issue(email: string): string;
  /** The token's nonce when it was issued for `email` (under any known secret), else null. */
  verify(email: string, token: string | null | undefined): string | null;
}

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** Device tokens keyed from `secret`; tokens made under `previousSecrets` still verify. */
export function createDeviceTokens(secret: string, previousSecrets: string[] = []): DeviceTokens {
  const keyOf = (from: string) =>
    Buffer.from(hkdfSync("sha256", from, "axor", "axor device tokens v1", 32));
  const keys = [secret, ...previousSecrets].map(keyOf);
  const mac = (key: Buffer, email: string, nonce: string) =>
    createHmac("sha256", key).update(`${email}\0${nonce}`).digest("base64url");
  return {
    issue(email) {
      const nonce = randomBytes(16).toString("base64url");
      return `${nonce}.${mac(keys[0] as Buffer, email, nonce)}`;
    },
    verify(email, token) {
      const match = token ? TOKEN_SHAPE.exec(token) : null;
      if (!match) return null;
      const [, nonce = "", signature = ""] = match;
      return keys.some((key) => constantTimeEqual(mac(key, email, nonce), signature))
        ? nonce
        : null;
    },
  };
}
