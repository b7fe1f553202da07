import { randomUUID } from "node:crypto";
import type { EventLog, EventLogReader } from "@axor/core/storage";
import { describe } from "vitest";
import { describeOptionalPart } from "./describe-optional-part.js";
import { describeEventLogReaderVerbs } from "./event-log-reader-verbs.js";
import { EVENT_LOG_READER } from "./optional-parts.js";
import { describeSecurityEventVerbs } from "./security-event-verbs.js";
import type { StorageFixture } from "./storage-fixture.js";
import { useStoreFixture } from "./use-store-fixture.js";

/**
 * The `EventLog` conformance suite, for a log of its own (a file, a SIEM, another database):
 * events with and without a user, ip and user agent, and identical events written at once.
 * The events name user ids no stored user has, so the log must not require the user to exist.
 * When the log also offers `EventLogReader`, reading back and purging are tested too.
 * Call it at the top level of a vitest test file.
 *
 * @example
 * ```ts
 * import type { EventLog, SecurityEvent } from "@axor/core/storage";
 * import { describeEventLog } from "@axor/testing";
 *
 * const lines: SecurityEvent[] = [];
 * const log: EventLog = { recordSecurityEvent: async (event) => void lines.push(event) };
 * describeEventLog("array", async () => ({ storage: log }));
 * ```
 */
export function describeEventLog(
  name: string,
  factory: () => Promise<StorageFixture<EventLog>>,
): void {
  describe(`${name} event log`, () => {
    const log = useStoreFixture(`${name} event log`, factory);
    describeSecurityEventVerbs(log, async () => randomUUID());
    describeOptionalPart(name, EVENT_LOG_READER, log, () =>
      describeEventLogReaderVerbs(
        () => log() as EventLog & EventLogReader,
        async () => randomUUID(),
      ),
    );
  });
}
