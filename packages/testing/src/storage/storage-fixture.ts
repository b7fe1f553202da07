import type { StorageAdapter } from "@axor/core/storage";

/**
 * What a conformance suite's factory returns: the store under test and, optionally, a way to
 * tear down what the factory set up (close a pool, drop a schema, delete a file). `S` is the
 * part under test: a whole `StorageAdapter` by default, or a `RateLimitStore` or `EventLog`
 * for `describeRateLimitStore` and `describeEventLog`.
 *
 * @example
 * ```ts
 * describeStorageAdapter("my storage", async (): Promise<StorageFixture> => {
 *   const storage = memoryStorage(); // yours: open a test database, migrate it, build the adapter
 *   return { storage, cleanup: async () => {} }; // close the pool, drop the test database
 * });
 * ```
 */
export interface StorageFixture<S extends object = StorageAdapter> {
  storage: S;
  cleanup?: () => Promise<void>;
  /**
   * False for a storage that does not keep `UserRecord.fields` (written before the `userFields`
   * option): its additional-field tests are reported as skipped. Default true.
   */
  keepsUserFields?: boolean;
}

/** How each group of conformance tests reaches the store once the factory has run. */
export type StoreGetter<S extends object> = () => S;
