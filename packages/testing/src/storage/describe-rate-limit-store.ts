import type { RateLimitStore } from "@axor/core/storage";
import { describe } from "vitest";
import { describeCounterVerbs } from "./counter-verbs.js";
import type { StorageFixture } from "./storage-fixture.js";
import { useStoreFixture } from "./use-store-fixture.js";

/**
 * The `RateLimitStore` conformance suite, for a store of its own (Redis, say): fixed windows,
 * `getCounter`, `decrementCounter` never below zero, `resetCounter`, and 50 concurrent
 * increments that each see their own count. `describeStorageAdapter` runs the same tests on an
 * adapter that has the four counter verbs. Call it at the top level of a vitest test file.
 *
 * @example
 * ```ts
 * import { memoryRateLimitStore } from "@axor/core";
 * import { describeRateLimitStore } from "@axor/testing";
 *
 * describeRateLimitStore("memory", async () => ({ storage: memoryRateLimitStore() }));
 * ```
 */
export function describeRateLimitStore(
  name: string,
  factory: () => Promise<StorageFixture<RateLimitStore>>,
): void {
  describe(`${name} rate-limit store`, () => {
    describeCounterVerbs(useStoreFixture(`${name} rate-limit store`, factory));
  });
}
