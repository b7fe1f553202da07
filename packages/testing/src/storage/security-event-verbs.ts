import { describe, expect, it } from "vitest";
import { insertUser } from "./record-fixtures.js";
import type { StorageGetter } from "./storage-fixture.js";

/** Conformance tests of `recordSecurityEvent`. */
export function describeSecurityEventVerbs(storage: StorageGetter): void {
  describe("security events", () => {
    it("recordSecurityEvent accepts events with and without a user, ip and user agent", async () => {
      const user = await insertUser(storage());
      const at = new Date();
      await expect(
        storage().recordSecurityEvent({
          userId: user.id,
          type: "login",
          ip: "2001:db8::1",
          ua: "Mozilla/5.0 AxorConformance/1.0",
          at,
        }),
      ).resolves.toBeUndefined();
      await expect(
        storage().recordSecurityEvent({
          userId: null,
          type: "login_failed",
          ip: null,
          ua: null,
          at,
        }),
      ).resolves.toBeUndefined();
    });
  });
}
