import type { StorageAdapter } from "@axor/core/storage";
import { memoryStorage } from "../../core/src/storage/memory-storage.js";
import { describeStorageAdapter } from "../src/index.js";

/** memoryStorage() without its counters: the four required parts and nothing else, no stubs. */
function requiredPartsOnly(): StorageAdapter {
  const { incrementCounter, getCounter, decrementCounter, resetCounter, ...required } =
    memoryStorage();
  return required;
}

// The rate-limit store and event log groups report their tests as skipped, saying why.
describeStorageAdapter("required parts only", async () => ({ storage: requiredPartsOnly() }));
