import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { findSessionByCredential } from "../sessions/find-session-by-credential.js";

/**
 * Revokes the client's current session or token, if it has a live one, whatever the state of
 * its user (a disabled user's key is revoked too, so enabling the user again does not bring
 * it back). Idempotent.
 */
export async function logout(ctx: AxorContext, client: ClientInfo): Promise<void> {
  const now = ctx.now();
  const found = await findSessionByCredential(ctx, client.credential, now);
  if (!found) return;
  await ctx.storage.revokeSession(found.user.id, found.session.id, now);
  await ctx.recordEvent({
    userId: found.user.id,
    type: "logout",
    ip: client.ip || null,
    ua: client.userAgent,
    at: now,
  });
}
