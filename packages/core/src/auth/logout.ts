import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { resolveSession } from "../sessions/resolve-session.js";

/** Revokes the client's current session or token, if it has a live one. Idempotent. */
export async function logout(ctx: AxorContext, client: ClientInfo): Promise<void> {
  const current = await resolveSession(ctx, client.credential);
  if (!current) return;
  await ctx.storage.revokeSession(current.user.id, current.session.id, ctx.now());
  await ctx.recordEvent({
    userId: current.user.id,
    type: "logout",
    ip: client.ip || null,
    ua: client.userAgent,
    at: ctx.now(),
  });
}
