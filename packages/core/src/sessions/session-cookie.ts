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

/** The Set-Cookie value that carries a web session's key until `expireAt`. */
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

/** The Set-Cookie value that removes the session cookie. */
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
