import { parseOptions } from "@node-rs/argon2";
import { isBcryptHash, verifyBcrypt } from "./bcrypt-hash.js";
import type { HashingThreads } from "./hashing-threads.js";

/** argon2id cost parameters (memory in KiB). */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * Hashes passwords with argon2id and checks them, off the event loop. Stored bcrypt hashes
 * (`$2a$`, `$2b$`, `$2y$`: imported from Django Axor) are checked with bcrypt, and always
 * `needsRehash`, so the next successful login stores an argon2id hash in their place.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends one verification's time on nothing: for unknown emails, so timing tells nothing. */
  verifyDummy(password: string): Promise<void>;
  /** True when a stored hash was made with other parameters than the current ones. */
  needsRehash(passwordHash: string): boolean;
}

const ARGON2ID = 2;

/** A hasher for the given cost; the dummy hash is made once, lazily. */
export function createPasswordHasher(cost: Argon2Cost, threads: HashingThreads): PasswordHasher {
  let dummyHash: Promise<string> | undefined;
  const hasher: PasswordHasher = {
    hash: (password) => threads.hash(password, cost),
    async verify(passwordHash, password) {
      try {
        if (isBcryptHash(passwordHash)) return await verifyBcrypt(passwordHash, password);
        return await threads.verify(passwordHash, password);
      } catch {
        return false; // a malformed stored hash never matches
      }
    },
    async verifyDummy(password) {
      dummyHash ??= threads.hash("axor dummy password", cost);
      await hasher.verify(await dummyHash, password);
    },
    needsRehash(passwordHash) {
      try {
        const used = parseOptions(passwordHash);
        return (
          used.algorithm !== ARGON2ID ||
          used.memoryCost !== cost.memoryCost ||
          used.timeCost !== cost.timeCost ||
          used.parallelism !== cost.parallelism
        );
      } catch {
        return true;
      }
    },
  };
  return hasher;
}
