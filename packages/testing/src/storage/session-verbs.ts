import type { SessionStorage, UserStorage } from "@axor/core/storage";
import { describe } from "vitest";
import { describeSessionLookupVerbs } from "./session-lookup-verbs.js";
import { describeSessionOrderVerbs } from "./session-order-verbs.js";
import { describeSessionRevokeVerbs } from "./session-revoke-verbs.js";
import type { StoreGetter } from "./storage-fixture.js";

/** Conformance tests of `SessionStorage` (web sessions and app tokens). */
export function describeSessionVerbs(storage: StoreGetter<UserStorage & SessionStorage>): void {
  describe("sessions", () => {
    describeSessionLookupVerbs(storage);
    describeSessionOrderVerbs(storage);
    describeSessionRevokeVerbs(storage);
  });
}
