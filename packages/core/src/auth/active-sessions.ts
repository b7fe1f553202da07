import { toAppToken, toSession } from "../api/api-object-mappers.js";
import type { ActiveSessions } from "../api/api-objects.js";
import type { ClientInfo } from "../api/client-info.js";
import type { CloseSessionResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { bodyObject, requiredString } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordUserEvent } from "./record-user-event.js";

export const closeSessionSchema = bodyObject({ id: requiredString() });

/**
 * The shape of every session and token id Axor hands out (`randomUUID()`, lower case). Any
 * other string cannot name one, so it is answered 404 without a storage read: no odd input
 * (NUL bytes, huge strings) ever reaches a database.
 */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The user's live web sessions and app tokens, newest first, each marked `current` (true on
 * the one the caller is using, false on the others).
 */
export async function listActiveSessions(
  ctx: AxorContext,
  current: ResolvedSession,
): Promise<ActiveSessions> {
  const now = ctx.now();
  const live = await ctx.storage.listLiveSessions(current.user.id, now);
  const result: ActiveSessions = { sessions: [], tokens: [] };
  for (const record of live) {
    const mark = { current: record.id === current.session.id };
    if (record.kind === "web") result.sessions.push({ ...toSession(record, now), ...mark });
    else result.tokens.push({ ...toAppToken(record, now), ...mark });
  }
  return result;
}

/**
 * Closes one of the user's own live sessions or tokens (the current one included). Anything
 * else (another user's, revoked, expired, unknown, malformed) is 404 `SessionTokenNotFound`;
 * a missing or non-string `id` is 400 `ValidationError`.
 */
export async function closeSession(
  ctx: AxorContext,
  current: ResolvedSession,
  input: unknown,
  client: ClientInfo,
): Promise<CloseSessionResult> {
  const { id } = parseInput(closeSessionSchema, input);
  if (!SESSION_ID.test(id)) throw new AxorError("SessionTokenNotFound");
  const revoked = await ctx.storage.revokeSession(current.user.id, id, ctx.now());
  if (!revoked) throw new AxorError("SessionTokenNotFound");
  await recordUserEvent(ctx, current.user.id, "session_closed", client);
  return { closedCurrent: id === current.session.id };
}

/**
 * Revokes every live session and token of the user except the caller's own; returns how
 * many. The event is recorded even when there was nothing else to close.
 */
export async function closeOtherSessions(
  ctx: AxorContext,
  current: ResolvedSession,
  client: ClientInfo,
): Promise<number> {
  const closed = await ctx.storage.revokeUserSessions(
    current.user.id,
    ctx.now(),
    current.session.id,
  );
  await recordUserEvent(ctx, current.user.id, "sessions_closed", client);
  return closed;
}
