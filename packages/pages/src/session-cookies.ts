import type { LoginResult } from "@axor/core";
import { clearedSessionCookie, sessionCookie } from "@axor/core/adapter";
import type { PageContext } from "./page-context.js";

/** The Set-Cookie line of a session a page just started. */
export function startedSessionCookie(ctx: PageContext, result: LoginResult): string {
  return sessionCookie(
    ctx.axor.options.cookie,
    result.key,
    result.expireAt,
    new Date(),
    ctx.secure,
  );
}

/** The Set-Cookie line that removes the session cookie. */
export function endedSessionCookie(ctx: PageContext): string {
  return clearedSessionCookie(ctx.axor.options.cookie, ctx.secure);
}
