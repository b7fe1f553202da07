import { StorageUnavailableError } from "@axor/core/storage";
import { isConnectionFailure } from "./postgres-errors.js";

/**
 * `verbs` with every verb's connection failures turned into `StorageUnavailableError` (Axor
 * answers 503 instead of 500), the driver's error as its `cause`. Other errors pass through.
 */
export function withStorageErrors<T extends object>(verbs: T): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, verb] of Object.entries(verbs)) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await verb.apply(verbs, args);
      } catch (error) {
        throw isConnectionFailure(error) ? new StorageUnavailableError({ cause: error }) : error;
      }
    };
  }
  return guarded as T;
}
