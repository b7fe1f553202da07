import type { StorageAdapter } from "@axor/core";

/**
 * What a `describeStorageAdapter` factory returns: the adapter under test and, optionally, a
 * way to tear down what the factory set up (close a pool, drop a schema, delete a file).
 *
 * @example
 * ```ts
 * const factory = async (): Promise<StorageFixture> => {
 *   const db = await openTestDatabase();
 *   return { storage: myStorage(db), cleanup: () => db.close() };
 * };
 * ```
 */
export interface StorageFixture {
  storage: StorageAdapter;
  cleanup?: () => Promise<void>;
}

/** How each group of conformance tests reaches the adapter once the factory has run. */
export type StorageGetter = () => StorageAdapter;
