import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts small secrets at rest (TOTP secrets) with AES-256-GCM under a key from `secret`.
 *
 * @example
 * ```ts
 * declare const totpSecret: string; // a user's base32 TOTP secret
 * const box: SecretBox = createSecretBox(process.env.AXOR_SECRET!);
 * const stored = box.seal(totpSecret); // what goes in TotpRecord.encryptedSecret
 * box.open(stored); // totpSecret; null under another secret or when tampered with
 * ```
 */
export interface SecretBox {
  seal(plaintext: string): string;
  /** Null when the box was sealed with another key or was tampered with. */
  open(sealed: string): string | null;
}

const VERSION = "v1";

/**
 * Derives a 256-bit key from the app secret (HKDF-SHA256) and returns a box using it.
 *
 * @example
 * ```ts
 * const box = createSecretBox(process.env.AXOR_SECRET!);
 * const sealed = box.seal("JBSWY3DPEHPK3PXP"); // "v1.<iv>.<tag>.<data>"
 * box.open(sealed); // "JBSWY3DPEHPK3PXP"
 * ```
 */
export function createSecretBox(secret: string): SecretBox {
  const key = Buffer.from(hkdfSync("sha256", secret, "axor", "axor totp secret v1", 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url"));
      return [VERSION, ...parts].join(".");
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || data === undefined) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(data, "base64url")),
          decipher.final(),
        ]);
        return plain.toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
