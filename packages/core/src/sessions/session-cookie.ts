import { parseCookie, stringifySetCookie } from "cookie";
import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";

type CookieOptions = ResolvedAxorOptions["cookie"];

function attributes(cookie: CookieOptions, secure: boolean) {
  const wantsSecure = cookie.secure === "auto" ? secure : cookie.secure;
  return {
    httpOnly: true,
    sameSite: cookie.sameSite,
    path: "/",
    // SameSite=None is only accepted by browsers together with Secure.
    secure: wantsSecure || cookie.sameSite === "none",
    ...(cookie.domain ? { domain: cookie.domain } : {}),
  };
}

/**
 * The Set-Cookie value that carries a web session's key until `expireAt` (for built-in pages
 * that sign in through the server-side API).
 *
 * @example
 * ```ts
 * const { key, expireAt } = await axor.login({ email, password }, client);
 * const setCookie = sessionCookie(axor.options.cookie, key, expireAt, new Date(), false);
 * ```
 */
export function sessionCookie(
  cookie: CookieOptions,
  key: string,
  expireAt: Date,
  now: Date,
  secure: boolean,
): string {
  const maxAgeSeconds = Math.ceil((expireAt.getTime() - now.getTime()) / 1000);
  return stringifySetCookie(cookie.name, key, {
    ...attributes(cookie, secure),
    maxAge: maxAgeSeconds,
  });
}

/**
 * The Set-Cookie value that removes the session cookie.
 *
 * @example
 * ```ts
 * await axor.logout(client);
 * const setCookie = clearedSessionCookie(axor.options.cookie, client.secure ?? false);
 * ```
 */
export function clearedSessionCookie(cookie: CookieOptions, secure: boolean): string {
  return stringifySetCookie(cookie.name, "", {
    ...attributes(cookie, secure),
    maxAge: 0,
    expires: new Date(0),
  });
}

/** The session key from a Cookie header, or null. */
export function readSessionCookie(
  cookie: CookieOptions,
  header: string | undefined,
): string | null {
  if (!header) return null;
  return parseCookie(header)[cookie.name] ?? null;
}
