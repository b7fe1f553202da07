import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { djangoAxorCookieSwap } from "../legacy/legacy-cookie-swap.js";
import type { ResolvedSession } from "./resolve-session.js";
import { sessionCookie } from "./session-cookie.js";

/**
 * A web session that slid gets its cookie re-set with the new Max-Age. The key is the one the
 * client sent (it is unchanged; only its expiry moved). A Django Axor cookie that found its
 * session is swapped for a native cookie whether it slid or not.
 */
export function renewalCookies(
  ctx: AxorContext,
  resolved: ResolvedSession | null,
  client: ClientInfo,
): string[] {
  if (client.credential?.legacy && resolved) return djangoAxorCookieSwap(ctx, resolved, client);
  if (
    !resolved?.renewed ||
    resolved.session.kind !== "web" ||
    client.credential?.source !== "cookie"
  )
    return [];
  const { expireAt } = resolved.session;
  const secure = client.secure ?? false;
  return [sessionCookie(ctx.options.cookie, client.credential.key, expireAt, ctx.now(), secure)];
}
