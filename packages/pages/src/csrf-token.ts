import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parseCookie, stringifySetCookie } from "cookie";

/** The cookie of the double-submit CSRF token: a random value, never shown to scripts. */
export const CSRF_COOKIE = "axor_pages_csrf";

/** The token a form carries: an HMAC of the cookie's value with the Axor secret. */
export function csrfTokenOf(secret: string, cookieValue: string): string {
  return createHmac("sha256", secret).update(`axor-pages-csrf:${cookieValue}`).digest("base64url");
}

/** The request's CSRF cookie value, or null. */
export function readCsrfCookie(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parseCookie(cookieHeader)[CSRF_COOKIE];
  return value && /^[A-Za-z0-9_-]{32,64}$/.test(value) ? value : null;
}

/** A new CSRF cookie value and its Set-Cookie line. */
export function newCsrfCookie(path: string, secure: boolean): { value: string; setCookie: string } {
  const value = randomBytes(32).toString("base64url");
  const setCookie = stringifySetCookie(CSRF_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: path || "/",
  });
  return { value, setCookie };
}

/** True when `token` is the HMAC of `cookieValue`. */
export function csrfTokenMatches(secret: string, cookieValue: string, token: string): boolean {
  const expected = Buffer.from(csrfTokenOf(secret, cookieValue));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
