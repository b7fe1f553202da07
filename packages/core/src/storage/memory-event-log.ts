import { randomUUID } from "node:crypto";
import type { StoredSecurityEvent } from "./records.js";
import type { EventLog, EventLogReader } from "./storage-adapter.js";

/**
 * A security log in an array of this process, readable with `listSecurityEvents`: for tests,
 * examples and development (it grows until the process ends). `memoryStorage()` keeps no log of
 * its own; pass this as `eventLog` to read events back with `axor.users.events`.
 *
 * @example
 * ```ts
 * import { createAxor, memoryEventLog, memoryStorage } from "@axor/core";
 *
 * const axor = createAxor({ storage: memoryStorage(), eventLog: memoryEventLog(), secret });
 * ```
 */
export function memoryEventLog(): EventLog & EventLogReader {
  let events: StoredSecurityEvent[] = [];
  return {
    async recordSecurityEvent(event) {
      events.push(structuredClone({ ...event, id: randomUUID() }));
    },
    async listSecurityEvents({ userId, from, to, offset, limit }) {
      const matching = events.filter(
        (event) =>
          (userId === undefined || event.userId === userId) &&
          (from === undefined || event.at.getTime() >= from.getTime()) &&
          (to === undefined || event.at.getTime() < to.getTime()),
      );
      matching.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
      return structuredClone(matching.slice(offset, offset + limit));
    },
    async deleteSecurityEvents(userId) {
      const before = events.length;
      events = events.filter((event) => event.userId !== userId);
      return before - events.length;
    },
  };
}
