import { sha256 } from "../crypto/sha256.js";

/**
 * A backup code as compared: dashes and spaces dropped, lower-cased.
 *
 * @example
 * ```ts
 * normalizeBackupCode("AB12-CD34"); // "ab12cd34"
 * ```
 */
export function normalizeBackupCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

/**
 * The stored form of a backup code: SHA-256 of its normalized text.
 *
 * @example
 * ```ts
 * hashBackupCode("AB12-CD34") === hashBackupCode("ab12cd34"); // true
 * ```
 */
export function hashBackupCode(code: string): string {
  return sha256(normalizeBackupCode(code));
}
