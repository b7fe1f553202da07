import { toAppToken, toSession, toUser } from "../api/api-object-mappers.js";
import type { ClientInfo } from "../api/client-info.js";
import { awaitAll } from "../await-all.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { startSession } from "../sessions/start-session.js";
import type { UserRecord } from "../storage/records.js";
import { trustSignedInClient } from "./login-trust.js";

/**
 * Signs a user in: reads the newest earlier session and token (for `last_session` and
 * `last_token_session`), then creates the new one and records the event.
 */
export async function signIn(
  ctx: AxorContext,
  user: UserRecord,
  client: ClientInfo,
  event: string,
): Promise<LoginResult> {
  const [lastWeb, lastApp] = await awaitAll([
    ctx.storage.getLatestSession(user.id, "web"),
    ctx.storage.getLatestSession(user.id, "app"),
  ]);
  const started = await startSession(ctx, user.id, client);
  const deviceToken = await trustSignedInClient(ctx, user.email, client);
  const now = ctx.now();
  await ctx.recordEvent({
    userId: user.id,
    type: event,
    ip: client.ip || null,
    ua: client.userAgent,
    at: now,
  });
  return {
    response: {
      last_session: lastWeb ? toSession(lastWeb, now) : null,
      last_token_session: lastApp ? toAppToken(lastApp, now) : null,
      user: toUser(user, ctx.userFields),
      ...(client.mode === "app" ? { session: { id: started.id, key: started.key } } : {}),
    },
    key: started.key,
    expireAt: started.expireAt,
    ...(deviceToken ? { deviceToken } : {}),
  };
}
