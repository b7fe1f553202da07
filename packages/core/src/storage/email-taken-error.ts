/**
 * Thrown by a `StorageAdapter` when a user would get an email another user has. The core
 * turns it into 409 `EmailInUse`.
 *
 * @example
 * ```ts
 * declare const err: unknown; // what inserting `user` threw
 * declare function isUniqueViolation(error: unknown): boolean; // per your driver's error codes
 * if (isUniqueViolation(err)) throw new EmailTakenError(user.email);
 * ```
 */
export class EmailTakenError extends Error {
  override readonly name = "EmailTakenError";
  constructor(readonly email: string) {
    super("A user with this email already exists.");
  }
}
