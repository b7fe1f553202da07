import { closeOtherSessions, closeSession, listActiveSessions } from "../auth/active-sessions.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { clearedSessionCookie } from "../sessions/session-cookie.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";

/** The handler has already resolved the session of an `auth: true` endpoint. */
function live(session: ResolvedSession | null): ResolvedSession {
  if (!session) throw new Error("an auth endpoint ran without a session");
  return session;
}

/** `GET active_sessions/`: 200 `{sessions, tokens}`, the caller's own marked `current`. */
export const activeSessionsEndpoint: Endpoint = {
  auth: true,
  body: false,
  run: async ({ ctx, session }) => jsonResponse(200, await listActiveSessions(ctx, live(session))),
};

/**
 * `POST active_sessions/close/`: 204; 404 `SessionTokenNotFound` unless `id` is one of the
 * caller's own live sessions or tokens. Closing the current web session also clears its
 * cookie, as `logout/` does (a current app token has no cookie to clear).
 */
export const closeSessionEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    const current = live(session);
    const { closedCurrent } = await closeSession(ctx, current, body, client);
    // A web session is only ever found by its cookie: that cookie is now dead, so clear it.
    if (!closedCurrent || current.session.kind !== "web") return jsonResponse(204, undefined);
    // The session is gone: a slide of it during this request must not re-set its cookie
    // after the clearing one (the handler adds renewal cookies after the endpoint runs).
    current.renewed = false;
    return jsonResponse(204, undefined, [
      clearedSessionCookie(ctx.options.cookie, client.secure ?? false),
    ]);
  },
};

/** `POST active_sessions/close_except_current/`: 204; the current session keeps working. */
export const closeOtherSessionsEndpoint: Endpoint = {
  auth: true,
  body: false,
  async run({ ctx, client, session }) {
    await closeOtherSessions(ctx, live(session), client);
    return jsonResponse(204, undefined);
  },
};
