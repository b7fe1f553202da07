import { parseSetCookie, type SetCookie } from "cookie";
import { expect } from "vitest";
import type { ContractResponse } from "./contract-response.js";

/** The contract's default session cookie name. */
export const sessionCookieName = "axor_session";

function sessionCookies(response: ContractResponse): { line: string; cookie: SetCookie }[] {
  return response.setCookies
    .map((line) => ({ line, cookie: parseSetCookie(line, { decode: (value) => value }) }))
    .filter((entry) => entry.cookie.name === sessionCookieName);
}

/**
 * Asserts the response sets exactly one live session cookie with the contract's default
 * attributes: HttpOnly, SameSite=Lax, Path=/, Max-Age = `maxAge`, no Domain, and Secure only
 * when `secure` (default false: plain http). Returns the cookie's value (the session key).
 *
 * @example
 * ```ts
 * const response = await ctx.client().post("login/", { email, password });
 * const key = expectSessionCookie(response, 30 * 24 * 3600); // webSessionLifetimeSeconds
 * ```
 */
export function expectSessionCookie(
  response: ContractResponse,
  maxAge: number,
  secure = false,
): string {
  const cookies = sessionCookies(response);
  expect(cookies.length, response.setCookies.join("\n")).toBe(1);
  const { line, cookie } = cookies[0] as { line: string; cookie: SetCookie };
  expect(cookie.value ?? "", line).not.toBe("");
  expect(cookie.httpOnly, line).toBe(true);
  expect(cookie.sameSite, line).toBe("lax");
  expect(cookie.path, line).toBe("/");
  expect(cookie.maxAge, line).toBe(maxAge);
  expect(cookie.secure ?? false, line).toBe(secure);
  expect(cookie.domain, line).toBeUndefined();
  return cookie.value as string;
}

/**
 * Asserts the response clears the session cookie: Max-Age=0 or an Expires in the past,
 * on Path=/ so it replaces the cookie login set.
 *
 * @example
 * ```ts
 * const web = ctx.client();
 * await web.post("login/", { email, password });
 * expectSessionCookieCleared(await web.post("logout/"));
 * ```
 */
export function expectSessionCookieCleared(response: ContractResponse, at = new Date()): void {
  const cookies = sessionCookies(response);
  expect(cookies.length, response.setCookies.join("\n")).toBe(1);
  const { line, cookie } = cookies[0] as { line: string; cookie: SetCookie };
  const cleared =
    (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
    (cookie.maxAge === undefined &&
      cookie.expires !== undefined &&
      cookie.expires.getTime() <= at.getTime());
  expect(cleared, line).toBe(true);
  expect(cookie.path, line).toBe("/");
}

/** Asserts the response sets no session cookie at all. */
export function expectNoSessionCookie(response: ContractResponse): void {
  expect(sessionCookies(response).map((entry) => entry.line)).toEqual([]);
}
