import type { StorageAdapter } from "../storage/storage-adapter.js";

/**
 * `axor.close()`: closes the storage when it has a `close` (the kysely storage closes a
 * database that `openDatabase` opened), once: later calls get the first call's promise. The
 * `rateLimitStore` and `eventLog` given apart from the storage are the app's (a Redis client,
 * say) and stay open.
 */
export function closeStorageOnce(storage: StorageAdapter): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= storage.close ? storage.close() : Promise.resolve();
    return closing;
  };
}
