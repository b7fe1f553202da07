/** A value now, or later: what the session lookup returns when a storage can answer at once. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Whether `value` is a promise (any thenable), not a value that is already there: how a wrapper
 * around `getLiveSession` keeps a synchronous answer synchronous.
 * @example
 * ```ts
 * const found = storage.getLiveSession("a".repeat(64), now); // a hex SHA-256
 * const user = isPromiseLike(found) ? (await found)?.user : found?.user;
 * ```
 */
export function isPromiseLike<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
