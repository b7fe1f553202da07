import { expect } from "vitest";

/**
 * Asserts that `actual` has every field of `expected`: dates must be `Date` objects at the same
 * instant (compared with `getTime()`), plain objects and arrays (a user's `fields`) must be
 * deeply equal, everything else must be identical (`true` is not `1`).
 * Extra fields on `actual` are allowed.
 *
 * @example
 * ```ts
 * expectRecord(await storage.getUserById(user.id), user);
 * ```
 */
export function expectRecord<T extends object>(actual: T | null | undefined, expected: T): void {
  expect(actual, "expected a record, got nothing").toBeTruthy();
  const fields = actual as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    const got = fields[key];
    if (want instanceof Date) {
      expect(got, `${key} should be a Date`).toBeInstanceOf(Date);
      expect((got as Date).getTime(), `${key} should be ${want.toISOString()}`).toBe(
        want.getTime(),
      );
    } else if (typeof want === "object" && want !== null) {
      expect(got, key).toStrictEqual(want);
    } else {
      expect(got, key).toBe(want);
    }
  }
}
