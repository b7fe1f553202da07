import { createHmac } from "node:crypto";

/**
 * What Django Axor (PyJWT, HS256) hands a client: `{"session_key": B}` or `{"app_token": B}`,
 * B the base64url (unpadded) of the raw key, signed with Django's SECRET_KEY. For tests.
 */
export function djangoAxorJwt(
  secretKey: string,
  claim: "session_key" | "app_token",
  rawKey: string,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
): string {
  const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const wrapped = Buffer.from(rawKey, "ascii").toString("base64url");
  const signed = `${segment(header)}.${segment({ [claim]: wrapped })}`;
  const signature = createHmac("sha256", secretKey).update(signed).digest("base64url");
  return `${signed}.${signature}`;
}

/** A raw key as Django Axor makes it: `secrets.token_urlsafe(64)` (86 characters). */
export function djangoAxorRawKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString("base64url");
}
