import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { meBody } from "../src/http/me-body.js";
import type { UserRecord } from "../src/storage.js";
import { userFieldSet } from "../src/user-fields/user-field-set.js";

const NO_FIELDS = userFieldSet({});
const WITH_PLAN = userFieldSet({
  plan: { schema: v.string(), default: "free", register: false, profile: false },
});

/** A user record that counts how often its name is read, i.e. how often it is rendered. */
function countingUser(): { user: UserRecord; renders: () => number } {
  let reads = 0;
  const at = new Date("2026-01-01T00:00:00Z");
  const user: UserRecord = {
    id: "user-1",
    email: "ada@example.com",
    passwordHash: "x",
    get firstName() {
      reads++;
      return "Ada";
    },
    lastName: "Lovelace",
    timezone: "UTC",
    isActive: true,
    isEmailVerified: true,
    totpEnabled: false,
    createdAt: at,
    updatedAt: at,
  };
  return { user, renders: () => reads };
}

describe("meBody", () => {
  it("renders a frozen (session-cache) record once and re-sends its text", () => {
    const { user, renders } = countingUser();
    Object.freeze(user);
    const first = meBody(user, NO_FIELDS);
    expect(meBody(user, NO_FIELDS)).toBe(first);
    expect(renders()).toBe(1);
    expect(JSON.parse(first)).toMatchObject({ user: { id: "user-1", first_name: "Ada" } });
  });

  it("renders a record that can change on every call", () => {
    const { user, renders } = countingUser();
    meBody(user, NO_FIELDS);
    user.lastName = "Byron";
    expect(JSON.parse(meBody(user, NO_FIELDS)).user.last_name).toBe("Byron");
    expect(renders()).toBe(2);
  });

  it("renders a frozen record again for another instance's declared fields", () => {
    const { user, renders } = countingUser();
    Object.freeze(user);
    expect(JSON.parse(meBody(user, NO_FIELDS)).user).not.toHaveProperty("plan");
    expect(JSON.parse(meBody(user, WITH_PLAN)).user.plan).toBe("free");
    expect(renders()).toBe(2);
  });
});
