import { randomUUID } from "node:crypto";
import type { EventLog, EventLogReader } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import { msAfter } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/**
 * Conformance tests of the optional `EventLogReader`. `userId` gives an id the events may name,
 * as for `describeSecurityEventVerbs`.
 */
export function describeEventLogReaderVerbs(
  log: StoreGetter<EventLog & EventLogReader>,
  userId: () => Promise<string>,
): void {
  describe("reading the security log", () => {
    const record = async (owner: string | null, type: string, at: Date) =>
      log().recordSecurityEvent({ userId: owner, type, ip: "203.0.113.9", ua: "ua", at });

    it("listSecurityEvents gives a user's events newest first, one page at a time", async () => {
      const owner = await userId();
      const other = await userId();
      const base = new Date("2032-03-01T00:00:00.000Z");
      for (let i = 0; i < 5; i++) await record(owner, `event_${i}`, msAfter(base, i * 1000));
      await record(other, "other", msAfter(base, 2500));

      const first = await log().listSecurityEvents({ userId: owner, offset: 0, limit: 2 });
      expect(first.map((event) => event.type)).toEqual(["event_4", "event_3"]);
      expect(first[0]).toMatchObject({ userId: owner, ip: "203.0.113.9", ua: "ua" });
      expect(first[0]?.at.getTime()).toBe(msAfter(base, 4000).getTime());
      expect(typeof first[0]?.id).toBe("string");
      const rest = await log().listSecurityEvents({ userId: owner, offset: 2, limit: 10 });
      expect(rest.map((event) => event.type)).toEqual(["event_2", "event_1", "event_0"]);
    });

    it("listSecurityEvents keeps `from` (inclusive) and `to` (exclusive)", async () => {
      const owner = await userId();
      const base = new Date("2032-04-01T00:00:00.000Z");
      for (let i = 0; i < 4; i++) await record(owner, `event_${i}`, msAfter(base, i * 60_000));
      const range = await log().listSecurityEvents({
        userId: owner,
        from: msAfter(base, 60_000),
        to: msAfter(base, 180_000),
        offset: 0,
        limit: 10,
      });
      expect(range.map((event) => event.type)).toEqual(["event_2", "event_1"]);
    });

    it("listSecurityEvents without a user lists everyone's, events without a user too", async () => {
      const at = new Date(`2033-0${1 + Math.floor(Math.random() * 9)}-01T00:00:00.000Z`);
      const type = `anonymous_${randomUUID().slice(0, 8)}`;
      await record(null, type, at);
      const events = await log().listSecurityEvents({
        from: at,
        to: msAfter(at, 1),
        offset: 0,
        limit: 1000,
      });
      expect(events.find((event) => event.type === type)).toMatchObject({ userId: null });
    });

    it("deleteSecurityEvents removes one user's events and counts them", async () => {
      const owner = await userId();
      const other = await userId();
      const at = new Date();
      await record(owner, "login", at);
      await record(owner, "logout", at);
      await record(other, "login", at);
      expect(await log().deleteSecurityEvents(owner)).toBe(2);
      expect(await log().listSecurityEvents({ userId: owner, offset: 0, limit: 10 })).toEqual([]);
      expect(await log().listSecurityEvents({ userId: other, offset: 0, limit: 10 })).toHaveLength(
        1,
      );
    });
  });
}
