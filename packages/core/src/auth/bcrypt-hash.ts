import { verify } from "@node-rs/bcrypt";

const BCRYPT_PREFIX = /^\$2[aby]\$\d\d\$/;

/** True for a bcrypt hash in modular crypt form (`$2a$`, `$2b$` or `$2y$`, then the cost). */
export function isBcryptHash(passwordHash: string): boolean {
  return BCRYPT_PREFIX.test(passwordHash);
}

/**
 * Checks a password against a bcrypt hash (a legacy hash, e.g. imported from Django Axor),
 * off the event loop. A malformed hash is false, never an error.
 */
export function verifyBcrypt(passwordHash: string, password: string): Promise<boolean> {
  return verify(password, passwordHash);
}
