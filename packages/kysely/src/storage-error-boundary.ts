import { type StorageAdapter, StorageUnavailableError } from "@axor/core";
import { isConnectionFailure } from "./connection-failure.js";

/**
 * Wraps every verb of `adapter` so a connection failure leaves it as a
 * `StorageUnavailableError` (with the driver error as its `cause`) and nothing else changes.
 */
export function withStorageErrorBoundary(adapter: StorageAdapter): StorageAdapter {
  const guarded: Record<string, unknown> = {};
  for (const [verb, implementation] of Object.entries(adapter)) {
    const call = implementation as (...args: unknown[]) => Promise<unknown>;
    guarded[verb] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        if (isConnectionFailure(error)) throw new StorageUnavailableError({ cause: error });
        throw error;
      }
    };
  }
  return guarded as unknown as StorageAdapter;
}
