import { createHmac, hkdfSync, randomInt } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays right. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** 19 symbols of 5 bits: 95 bits, shown as xxxxx-xxxxx-xxxxx-xxxx. */
const GROUPS = [5, 5, 5, 4];

/**
 * Backup codes: made, and hashed for storage, with a key derived from the app's secret.
 *
 * @example
 * ```ts
 * const codes = createBackupCodes(process.env.AXOR_SECRET!);
 * const shown = codes.generate(); // ["7k2mq-x9c4d-...", ...]: show once
 * await storage.replaceBackupCodes(user.id, shown.map(codes.hash)); // store only the HMACs
 * ```
 */
export interface BackupCodes {
  /** `count` new codes from a CSPRNG, grouped with dashes; never shaped like a 6-digit TOTP code. */
  generate(count?: number): string[];
  /** The stored form of a code as typed: HMAC-SHA256 of it without case, dashes or spaces. */
  hash(code: string): string;
}

/**
 * A code as typed, without case, dashes or white space: what is hashed.
 *
 * @example
 * ```ts
 * normalizeBackupCode("7K2MQ-X9C4D 8H3JN-WQ5R"); // "7k2mqx9c4d8h3jnwq5r"
 * ```
 */
export function normalizeBackupCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

/**
 * The backup codes of an app whose secret is `secret`: 95 random bits each, and an HMAC key for
 * their hashes derived from the secret (HKDF), so a stolen table of hashes cannot be checked
 * against guesses without the app's secret.
 *
 * @example
 * ```ts
 * const codes = createBackupCodes(process.env.AXOR_SECRET!);
 * codes.hash("7K2MQ-X9C4D-8H3JN-WQ5R") === codes.hash("7k2mqx9c4d8h3jnwq5r"); // true
 * ```
 */
export function createBackupCodes(secret: string): BackupCodes {
  const key = Buffer.from(hkdfSync("sha256", secret, "axor", "axor backup codes v1", 32));
  const symbol = () => ALPHABET[randomInt(ALPHABET.length)];
  const group = (length: number) => Array.from({ length }, symbol).join("");
  return {
    generate(count = 10) {
      return Array.from({ length: count }, () => GROUPS.map(group).join("-"));
    },
    hash(code) {
      return createHmac("sha256", key).update(normalizeBackupCode(code)).digest("hex");
    },
  };
}
