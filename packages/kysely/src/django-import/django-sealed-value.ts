import { randomBytes } from "node:crypto";
import { eaxOpen, eaxSeal } from "./aes-eax.js";

const NONCE_BYTES = 16;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Django Axor's AES key: the UTF-8 bytes of Django's `SECRET_KEY`, the first 32 of them, the
 * whole repeated when shorter (AES-256).
 *
 * @example
 * ```ts
 * djangoAxorAesKey("django-insecure-abc").length; // 32
 * ```
 */
export function djangoAxorAesKey(secretKey: string): Buffer {
  const bytes = Buffer.from(secretKey, "utf8");
  if (bytes.length === 0) throw new RangeError("the Django SECRET_KEY is empty");
  const key = Buffer.alloc(KEY_BYTES);
  for (let i = 0; i < KEY_BYTES; i++) key[i] = bytes[i % bytes.length] as number;
  return key;
}

/**
 * The JSON value Django Axor sealed in a `BinaryField` (`nonce16 || tag16 || ciphertext`,
 * AES-EAX), or undefined when it does not open with `key` (another SECRET_KEY, or damaged) or
 * is not JSON.
 *
 * @example
 * ```ts
 * declare const row: { key: Buffer };
 * const secret = openDjangoAxorValue(djangoAxorAesKey("django-insecure-abc"), row.key); // "JBSWY3DP..."
 * ```
 */
export function openDjangoAxorValue(key: Buffer, sealed: Buffer): unknown {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return undefined;
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
  const plain = eaxOpen(key, nonce, sealed.subarray(NONCE_BYTES + TAG_BYTES), tag);
  if (plain === null) return undefined;
  try {
    return JSON.parse(plain.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Seals a JSON value the way Django Axor does (`json.dumps`, AES-EAX, a fresh 16-byte nonce):
 * for tests and fixtures.
 *
 * @example
 * ```ts
 * const blob = sealDjangoAxorValue(djangoAxorAesKey("django-insecure-abc"), ["a1b2c3d4"]);
 * ```
 */
export function sealDjangoAxorValue(key: Buffer, value: unknown): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const { ciphertext, tag } = eaxSeal(key, nonce, Buffer.from(JSON.stringify(value), "utf8"));
  return Buffer.concat([nonce, tag, ciphertext]);
}
