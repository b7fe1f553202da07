import { memoryStorage } from "../../core/src/storage/memory-storage.js";
import { describeStorageAdapter } from "../src/index.js";

describeStorageAdapter("memory", async () => ({ storage: memoryStorage() }));
