import { afterAll, beforeAll, describe } from "vitest";
import { describeCounterVerbs } from "./counter-verbs.js";
import { describeOneTimeTokenVerbs } from "./one-time-token-verbs.js";
import { describeSecurityEventVerbs } from "./security-event-verbs.js";
import { describeSessionVerbs } from "./session-verbs.js";
import type { StorageFixture } from "./storage-fixture.js";
import { describeTotpVerbs } from "./totp-verbs.js";
import { describeUserVerbs } from "./user-verbs.js";

/**
 * The `StorageAdapter` conformance suite: every verb of the interface, its edge cases and its
 * atomic guarantees under concurrent calls. Call it at the top level of a vitest test file.
 *
 * `factory` runs once for the whole suite (create a database or schema there; `cleanup` runs
 * after the last test). The tests share that storage and never depend on each other: each one
 * makes its own users, with fresh ids and emails. Dates in the suite have whole milliseconds;
 * adapters must return them as `Date` objects at the same instant.
 *
 * @example
 * ```ts
 * import { memoryStorage } from "@axor/core";
 * import { describeStorageAdapter } from "@axor/testing";
 *
 * describeStorageAdapter("memory", async () => ({ storage: memoryStorage() }));
 * ```
 */
export function describeStorageAdapter(name: string, factory: () => Promise<StorageFixture>): void {
  describe(`${name} storage adapter`, () => {
    let fixture: StorageFixture | undefined;
    beforeAll(async () => {
      fixture = await factory();
    });
    afterAll(async () => {
      await fixture?.cleanup?.();
    });
    const storage = () => {
      if (!fixture) throw new Error(`The ${name} storage factory has not finished.`);
      return fixture.storage;
    };

    describeUserVerbs(storage);
    describeSessionVerbs(storage);
    describeOneTimeTokenVerbs(storage);
    describeTotpVerbs(storage);
    describeCounterVerbs(storage);
    describeSecurityEventVerbs(storage);
  });
}
