import { createCipheriv, createDecipheriv, timingSafeEqual } from "node:crypto";

/**
 * AES in EAX mode (Bellare, Rogaway, Wagner), which node:crypto lacks, built from what it has:
 * CTR for the encryption and CMAC (OMAC1, here from AES-CBC with a zero IV) for the three
 * tagged MACs. Key of 16, 24 or 32 bytes (AES-128/192/256), any nonce length, full 16-byte
 * tag. This is what PyCryptodome's `AES.MODE_EAX` computes, so values sealed by Django Axor
 * open here.
 *
 * @example
 * ```ts
 * const key = Buffer.alloc(32, 7);
 * const nonce = Buffer.alloc(16, 1);
 * const sealed: EaxSealed = eaxSeal(key, nonce, Buffer.from("secret"));
 * eaxOpen(key, nonce, sealed.ciphertext, sealed.tag); // Buffer "secret", or null if tampered with
 * ```
 */
export interface EaxSealed {
  ciphertext: Buffer;
  tag: Buffer;
}

const BLOCK = 16;

function aesName(key: Buffer, mode: "cbc" | "ctr"): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  return `aes-${key.length * 8}-${mode}`;
}

/** Doubling in GF(2^128): shift left one bit, reduce by x^128 + x^7 + x^2 + x + 1. */
function double(block: Buffer): Buffer {
  const out = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    out[i] = ((block[i] as number) << 1) | ((block[i + 1] ?? 0) >> 7);
  }
  if ((block[0] as number) & 0x80) out[BLOCK - 1] = (out[BLOCK - 1] as number) ^ 0x87;
  return out;
}

/** The last block of AES-CBC over `data` (a whole number of blocks) with a zero IV. */
function cbcMac(key: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv(aesName(key, "cbc"), key, Buffer.alloc(BLOCK));
  cipher.setAutoPadding(false);
  const out = Buffer.concat([cipher.update(data), cipher.final()]);
  return out.subarray(out.length - BLOCK);
}

/** CMAC (NIST SP 800-38B) of `message`. */
function cmac(key: Buffer, message: Buffer): Buffer {
  const k1 = double(cbcMac(key, Buffer.alloc(BLOCK)));
  const whole = message.length > 0 && message.length % BLOCK === 0;
  const padded = whole
    ? Buffer.from(message)
    : Buffer.concat([
        message,
        Buffer.from([0x80]),
        Buffer.alloc(BLOCK - 1 - (message.length % BLOCK)),
      ]);
  const subkey = whole ? k1 : double(k1);
  const last = padded.length - BLOCK;
  for (let i = 0; i < BLOCK; i++)
    padded[last + i] = (padded[last + i] as number) ^ (subkey[i] as number);
  return cbcMac(key, padded);
}

/** EAX's tagged MAC: CMAC of the 16-byte big-endian `tweak` followed by `data`. */
function omac(key: Buffer, tweak: number, data: Buffer): Buffer {
  const prefix = Buffer.alloc(BLOCK);
  prefix[BLOCK - 1] = tweak;
  return cmac(key, Buffer.concat([prefix, data]));
}

/** AES-CTR from the 128-bit counter block `start` (OpenSSL counts over all 128 bits, as EAX does). */
function ctr(key: Buffer, start: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv(aesName(key, "ctr"), key, start);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function xor3(a: Buffer, b: Buffer, c: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i] as number) ^ (c[i] as number)));
}

/**
 * Encrypts `plaintext` under `key` and `nonce`, authenticating `header` too.
 *
 * @example
 * ```ts
 * const { ciphertext, tag } = eaxSeal(Buffer.alloc(32, 1), Buffer.alloc(16, 2), Buffer.from("hi"));
 * ```
 */
export function eaxSeal(
  key: Buffer,
  nonce: Buffer,
  plaintext: Buffer,
  header: Buffer = Buffer.alloc(0),
): EaxSealed {
  const n = omac(key, 0, nonce);
  const h = omac(key, 1, header);
  const ciphertext = ctr(key, n, plaintext);
  return { ciphertext, tag: xor3(n, h, omac(key, 2, ciphertext)) };
}

/**
 * The plaintext of an EAX ciphertext, or null when the tag (at most 16 bytes, compared in
 * constant time) does not match: wrong key, nonce or header, or tampered with.
 *
 * @example
 * ```ts
 * declare const key: Buffer, nonce: Buffer, ciphertext: Buffer, tag: Buffer;
 * const plain = eaxOpen(key, nonce, ciphertext, tag);
 * if (plain === null) throw new Error("wrong key or tampered with");
 * ```
 */
export function eaxOpen(
  key: Buffer,
  nonce: Buffer,
  ciphertext: Buffer,
  tag: Buffer,
  header: Buffer = Buffer.alloc(0),
): Buffer | null {
  if (tag.length === 0 || tag.length > BLOCK) return null;
  const n = omac(key, 0, nonce);
  const h = omac(key, 1, header);
  const expected = xor3(n, h, omac(key, 2, ciphertext)).subarray(0, tag.length);
  if (!timingSafeEqual(expected, tag)) return null;
  return ctr(key, n, ciphertext);
}
