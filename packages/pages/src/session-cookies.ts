import type { LoginResult } from "@axor/core";
import { clearedSessionCookie, deviceCookie, sessionCookie } from "@axor/core/adapter";
import type { PageContext } from "./page-context.js";

/**
 * The Set-Cookie lines of a session a page just started: the session cookie, and the device
 * cookie that lets this browser sign in while guessing elsewhere throttles the account.
 */
export function startedSessionCookies(ctx: PageContext, result: LoginResult): string[] {
  const { cookie } = ctx.axor.options;
  const session = sessionCookie(cookie, result.key, result.expireAt, new Date(), ctx.secure);
  return result.deviceToken
    ? [session, deviceCookie(cookie, result.deviceToken, ctx.secure)]
    : [session];
}

/** The Set-Cookie line that removes the session cookie. */
export function endedSessionCookie(ctx: PageContext): string {
  return clearedSessionCookie(ctx.axor.options.cookie, ctx.secure);
}
