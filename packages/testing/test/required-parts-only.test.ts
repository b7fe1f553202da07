import type { StorageAdapter } from "@axor/core/storage";
import { memoryStorage } from "../../core/src/storage/memory-storage.js";
import { describeStorageAdapter } from "../src/index.js";

/**
 * memoryStorage() without its counters and admin verbs: the four required parts and nothing
 * else, no stubs.
 */
export function requiredPartsOnly(): StorageAdapter {
  const {
    incrementCounter,
    getCounter,
    decrementCounter,
    resetCounter,
    listUsers,
    deleteUser,
    sweepExpired,
    ...required
  } = memoryStorage();
  return required;
}

// The optional groups (rate-limit store, event log, admin parts, sweeper) report their tests as skipped, saying why.
describeStorageAdapter("required parts only", async () => ({ storage: requiredPartsOnly() }));
