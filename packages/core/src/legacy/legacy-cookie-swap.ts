import { stringifySetCookie } from "cookie";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { sessionCookie } from "../sessions/session-cookie.js";

/**
 * The Set-Cookie values that replace a Django Axor cookie by a native one, when the request
 * was authenticated by the old cookie: the native session cookie (same key, the session's
 * expiry) and, when the names differ, the old cookie cleared (Path=/ and the `cookieDomain`
 * it was set with, so the browser drops that very cookie).
 */
export function djangoAxorCookieSwap(
  ctx: AxorContext,
  resolved: ResolvedSession,
  client: ClientInfo,
): string[] {
  const django = ctx.options.legacy.djangoAxor;
  if (!django || client.credential?.source !== "cookie") return [];
  const { cookie } = ctx.options;
  const secure = client.secure ?? false;
  const { key } = client.credential;
  const native = sessionCookie(cookie, key, resolved.session.expireAt, ctx.now(), secure);
  if (django.cookieName === cookie.name) return [native];
  const cleared = stringifySetCookie(django.cookieName, "", {
    path: "/",
    maxAge: 0,
    expires: new Date(0),
    ...(django.cookieDomain ? { domain: django.cookieDomain } : {}),
  });
  return [native, cleared];
}
