import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";

/**
 * Records a security event of `type` ("login", "login_failed", "logout", "password_changed",
 * "password_reset", "email_changed", "session_closed", ...) for the user, from this client.
 */
export async function recordUserEvent(
  ctx: AxorContext,
  userId: string | null,
  type: string,
  client: ClientInfo,
): Promise<void> {
  await ctx.recordEvent({
    userId,
    type,
    ip: client.ip || null,
    ua: client.userAgent,
    at: ctx.now(),
  });
}
