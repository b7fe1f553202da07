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

/** How long a browser keeps its device cookie (docs/security.md). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The device cookie's name: the session cookie's, with `_device` after it. */
export const deviceCookieName = (cookie: CookieOptions) => `${cookie.name}_device`;

/**
 * The Set-Cookie value that gives a browser its device token (`LoginResult.deviceToken`), so
 * that it can still sign in while guessing from elsewhere throttles the account.
 *
 * @example
 * ```ts
 * const { deviceToken } = await axor.login({ email, password }, client);
 * const setCookie = deviceToken && deviceCookie(axor.options.cookie, deviceToken, false);
 * ```
 */
export function deviceCookie(cookie: CookieOptions, token: string, secure: boolean): string {
  return stringifySetCookie(deviceCookieName(cookie), token, {
    ...attributes(cookie, secure),
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

/** The session key and device token from a Cookie header (parsed once), or nulls. */
export function readAxorCookies(
  cookie: CookieOptions,
  header: string | undefined,
): { session: string | null; device: string | null } {
  if (!header) return { session: null, device: null };
  const cookies = parseCookie(header);
  return {
    session: cookies[cookie.name] ?? null,
    device: cookies[deviceCookieName(cookie)] ?? null,
  };
}
