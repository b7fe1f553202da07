import type { EventLog } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import type { StoreGetter } from "./storage-fixture.js";

/**
 * Conformance tests of `EventLog`. `userId` gives the id of a user the events may name: a
 * stored user when the log is part of a storage adapter, any id for a standalone log.
 */
export function describeSecurityEventVerbs(
  log: StoreGetter<EventLog>,
  userId: () => Promise<string>,
): void {
  describe("security events", () => {
    it("recordSecurityEvent accepts events with and without a user, ip and user agent", async () => {
      const at = new Date();
      await expect(
        log().recordSecurityEvent({
          userId: await userId(),
          type: "login",
          ip: "2001:db8::1",
          ua: "Mozilla/5.0 AxorConformance/1.0",
          at,
        }),
      ).resolves.toBeUndefined();
      await expect(
        log().recordSecurityEvent({
          userId: null,
          type: "login_failed",
          ip: null,
          ua: null,
          at,
        }),
      ).resolves.toBeUndefined();
    });

    it("recordSecurityEvent accepts identical events recorded at once", async () => {
      const event = { userId: await userId(), type: "login", ip: null, ua: null, at: new Date() };
      const writes = Array.from({ length: 10 }, () => log().recordSecurityEvent({ ...event }));
      await expect(Promise.all(writes)).resolves.toHaveLength(10);
    });
  });
}
