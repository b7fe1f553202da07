import type {
  EventLog,
  EventLogReader,
  ExpiredRowSweeper,
  StorageAdapter,
  UserAdminStorage,
} from "@axor/core/storage";
import { beforeEach, describe } from "vitest";
import { describeCounterVerbs } from "./counter-verbs.js";
import { describeOptionalPart } from "./describe-optional-part.js";
import { describeEventLogReaderVerbs } from "./event-log-reader-verbs.js";
import { describeOneTimeTokenVerbs } from "./one-time-token-verbs.js";
import {
  EVENT_LOG,
  EVENT_LOG_READER,
  EXPIRED_ROW_SWEEPER,
  RATE_LIMIT_STORE,
  USER_ADMIN,
} from "./optional-parts.js";
import { insertUser } from "./record-fixtures.js";
import { describeRecordCopies } from "./records-are-copies.js";
import { describeSecurityEventVerbs } from "./security-event-verbs.js";
import { describeSessionVerbs } from "./session-verbs.js";
import type { StorageFixture, StoreGetter } from "./storage-fixture.js";
import { describeSweepVerbs } from "./sweep-verbs.js";
import { describeTotpVerbs } from "./totp-verbs.js";
import { useStoreFixture } from "./use-store-fixture.js";
import { describeUserAdminVerbs } from "./user-admin-verbs.js";
import { describeUserFieldVerbs } from "./user-field-verbs.js";
import { describeUserVerbs } from "./user-verbs.js";

/**
 * The additional-user-fields tests, or (for a fixture that says `keepsUserFields: false`)
 * each one reported as skipped, saying what does not work without them.
 */
function describeUserFields(
  name: string,
  storage: StoreGetter<StorageAdapter>,
  keepsUserFields: () => boolean,
): void {
  describe("additional user fields (UserRecord.fields)", () => {
    beforeEach((context) => {
      if (keepsUserFields()) return;
      context.skip(`${name} does not keep UserRecord.fields: createAxor's userFields needs them`);
    });
    describeUserFieldVerbs(storage);
  });
}

/**
 * The `StorageAdapter` conformance suite, part by part: users, sessions, one-time tokens and
 * two-factor state always (every verb, its edge cases, its atomic guarantees under concurrent
 * calls, and that records go in and come out as copies). Then the optional stores: the
 * `RateLimitStore` tests run when the adapter has all four counter verbs, the `EventLog`
 * tests when it has `recordSecurityEvent`; otherwise they are reported as skipped, with what
 * `createAxor` uses instead. The same goes for the parts the server-side admin API and
 * `axor.cleanup()` use: `UserAdminStorage`, `EventLogReader` and `ExpiredRowSweeper`. Call it at the top level of a vitest test file.
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
export function describeStorageAdapter(
  name: string,
  factory: () => Promise<StorageFixture<StorageAdapter>>,
): void {
  let fixtureKeepsUserFields = true;
  describe(`${name} storage adapter`, () => {
    const storage = useStoreFixture(`${name} storage`, async () => {
      const fixture = await factory();
      fixtureKeepsUserFields = fixture.keepsUserFields !== false;
      return fixture;
    });

    describeUserVerbs(storage);
    describeSessionVerbs(storage);
    describeOneTimeTokenVerbs(storage);
    describeTotpVerbs(storage);
    describeRecordCopies(storage);
    describeUserFields(name, storage, () => fixtureKeepsUserFields);

    describeOptionalPart(name, RATE_LIMIT_STORE, storage, describeCounterVerbs);
    describeOptionalPart(name, EVENT_LOG, storage, (log) =>
      describeSecurityEventVerbs(log, async () => (await insertUser(storage())).id),
    );
    describeOptionalPart(name, USER_ADMIN, storage, () =>
      describeUserAdminVerbs(() => storage() as StorageAdapter & UserAdminStorage),
    );
    describeOptionalPart(name, EVENT_LOG_READER, storage, () =>
      describeEventLogReaderVerbs(
        () => storage() as unknown as EventLog & EventLogReader,
        async () => (await insertUser(storage())).id,
      ),
    );
    describeOptionalPart(name, EXPIRED_ROW_SWEEPER, storage, () =>
      describeSweepVerbs(() => storage() as StorageAdapter & ExpiredRowSweeper),
    );
  });
}
