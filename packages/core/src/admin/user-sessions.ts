import { toAppToken, toSession } from "../api/api-object-mappers.js";
import type { ActiveSessions } from "../api/api-objects.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { bodyObject, requiredString } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { recordAdminEvent, requireUser } from "./admin-user.js";

const sessionIdSchema = bodyObject({ sessionId: requiredString() });

/** Every session and token id Axor hands out is a lower-case UUID; nothing else names one. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `axor.users.sessions`: the live web sessions and app tokens, newest first. */
export async function listUserSessions(ctx: AxorContext, id: unknown): Promise<ActiveSessions> {
  const user = await requireUser(ctx, id);
  const now = ctx.now();
  const result: ActiveSessions = { sessions: [], tokens: [] };
  for (const record of await ctx.storage.listLiveSessions(user.id, now)) {
    if (record.kind === "web") result.sessions.push(toSession(record, now));
    else result.tokens.push(toAppToken(record, now));
  }
  return result;
}

/** `axor.users.revokeSession`: 404 `SessionTokenNotFound` unless it is a live one of theirs. */
export async function revokeUserSession(
  ctx: AxorContext,
  id: unknown,
  sessionId: unknown,
): Promise<void> {
  const fields = parseInput(sessionIdSchema, { sessionId });
  const user = await requireUser(ctx, id);
  if (!SESSION_ID.test(fields.sessionId)) throw new AxorError("SessionTokenNotFound");
  if (!(await ctx.storage.revokeSession(user.id, fields.sessionId, ctx.now()))) {
    throw new AxorError("SessionTokenNotFound");
  }
  await recordAdminEvent(ctx, user.id, "session_revoked");
}

/** `axor.users.revokeSessions`: how many ended. */
export async function revokeUserSessions(ctx: AxorContext, id: unknown): Promise<number> {
  const user = await requireUser(ctx, id);
  const ended = await ctx.storage.revokeUserSessions(user.id, ctx.now());
  await recordAdminEvent(ctx, user.id, "sessions_revoked");
  return ended;
}
