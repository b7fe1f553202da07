import { expect } from "vitest";

/**
 * Asserts the contract's 401 `NotAuthenticated` envelope, with `instance` the path asked for.
 *
 * @example
 * ```ts
 * await expectNotAuthenticated(await fetch(`${origin}/api/hello`), "/api/hello");
 * ```
 */
export async function expectNotAuthenticated(response: Response, instance: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(401);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(text)).toEqual({
    title: "Not authenticated",
    detail: "Authentication credentials were not provided or are invalid.",
    status: "401",
    code: "NotAuthenticated",
    instance,
  });
}

/**
 * Asserts a problem+json answer and returns its status, `code` and `instance`.
 *
 * @example
 * ```ts
 * expect(await problemOf(await fetch(`${origin}/api/user/nope/`))).toEqual({
 *   status: 404,
 *   code: "NotFound",
 *   instance: "/api/user/nope/",
 * });
 * ```
 */
export async function problemOf(
  response: Response,
): Promise<{ status: number; code: string; instance: string }> {
  const text = await response.text();
  expect(response.headers.get("content-type"), text).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as { code: string; instance: string };
  return { status: response.status, code: body.code, instance: body.instance };
}
