import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Seals short secrets (TOTP secrets) for storage: AES-256-GCM, a fresh 96-bit IV each time, the
 * full 16-byte tag required on opening, and `context` (the user id) as additional
 * authenticated data, so a sealed secret copied to another user's row does not open.
 *
 * @example
 * ```ts
 * const box: SecretBox = createSecretBox(process.env.AXOR_SECRET!);
 * const sealed = box.seal("JBSWY3DPEHPK3PXP", user.id); // "v2.<key id>.<iv>.<tag>.<data>"
 * box.open(sealed, user.id); // "JBSWY3DPEHPK3PXP"
 * ```
 */
export interface SecretBox {
  /** Seals `plaintext` with the current key, bound to `context`. */
  seal(plaintext: string, context: string): string;
  /** The plaintext, or null when it was sealed for another context, with an unknown key, or tampered with. */
  open(sealed: string, context: string): string | null;
}

const VERSION = "v2";
const TAG_BYTES = 16;

interface BoxKey {
  id: string;
  key: Buffer;
}

/** The AES key derived from an app secret, and a short id naming it (not revealing it). */
function boxKey(secret: string): BoxKey {
  const key = Buffer.from(hkdfSync("sha256", secret, "axor", "axor totp secret v2", 32));
  const id = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return { id, key };
}

/**
 * A `SecretBox` keyed from the app's `secret` (HKDF-SHA256). To rotate, pass the new secret
 * first and the old ones after: secrets sealed with an old key still open (the key id in each
 * sealed value says which), and new ones are sealed with the new key.
 *
 * @example
 * ```ts
 * const box = createSecretBox(process.env.AXOR_SECRET!, [process.env.AXOR_OLD_SECRET!]);
 * ```
 */
export function createSecretBox(
  secret: string,
  previousSecrets: readonly string[] = [],
): SecretBox {
  const current = boxKey(secret);
  const keys = new Map([current, ...previousSecrets.map(boxKey)].map((k) => [k.id, k.key]));
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url"));
      return [VERSION, current.id, ...parts].join(".");
    },
    open(sealed, context) {
      const [version, keyId, iv, tag, data, extra] = sealed.split(".");
      const key = keyId === undefined ? undefined : keys.get(keyId);
      if (version !== VERSION || !key || !iv || !tag || data === undefined || extra !== undefined) {
        return null;
      }
      const tagBytes = Buffer.from(tag, "base64url");
      if (tagBytes.length !== TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(tagBytes);
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
