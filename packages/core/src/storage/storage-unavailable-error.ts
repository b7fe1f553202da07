/**
 * Thrown by a `StorageAdapter` when its database cannot be reached (connection refused, pool
 * timeout). The core answers 503 `ServiceUnavailable` instead of 500.
 *
 * @example
 * ```ts
 * declare const err: NodeJS.ErrnoException; // what the driver threw
 * if (err.code === "ECONNREFUSED") throw new StorageUnavailableError({ cause: err });
 * ```
 */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";
  constructor(options?: { cause?: unknown }) {
    super("The storage is unreachable.", options);
  }
}
