import type { HashingThreads } from "../auth/hashing-threads.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";

/**
 * `axor.close()`: stops the password hashing threads and closes the storage when it has a
 * `close` (the kysely storage closes a database that `openDatabase` opened), once: later calls
 * get the first call's promise. The `rateLimitStore` and `eventLog` given apart from the
 * storage are the app's (a Redis client, say) and stay open.
 */
export function closeAxorOnce(
  storage: StorageAdapter,
  hashingThreads: HashingThreads,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= Promise.all([
      hashingThreads.close(),
      storage.close ? storage.close() : undefined,
    ]).then(() => {});
    return closing;
  };
}
