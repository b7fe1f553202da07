import type { ClientInfo, Credential } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { isPromiseLike, type MaybePromise } from "../maybe-promise.js";
import type { SessionWithUser } from "../storage/records.js";
import { findSessionByCredential } from "./find-session-by-credential.js";
import { sessionExpiry, sessionLifetimeMs } from "./session-lifetime.js";

/** A live session for a credential; `renewed` when this use slid its expiry. */
export interface ResolvedSession extends SessionWithUser {
  renewed: boolean;
}

/** App tokens record their last use at most this often, to keep the hot path read-only. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The hot path: one hash, one indexed read, and a write only when the session slides (used in
 * the last half of its lifetime) or an app token's `last_used_at` is over a minute old.
 * A Bearer key only ever finds an app token and a cookie only a web session. Anything
 * malformed, unknown, expired, revoked, or of a disabled user is null. Synchronous unless the
 * storage answered with a promise or the session is touched.
 */
export function resolveSession(
  ctx: AxorContext,
  credential: Credential | null,
): MaybePromise<ResolvedSession | null> {
  const now = ctx.now();
  const found = findSessionByCredential(ctx, credential, now);
  return isPromiseLike(found)
    ? found.then((answer) => usableSession(ctx, answer, now))
    : usableSession(ctx, found, now);
}

/** The found session unless its user is disabled or it is past its absolute lifetime; slid. */
function usableSession(
  ctx: AxorContext,
  found: SessionWithUser | null,
  now: Date,
): MaybePromise<ResolvedSession | null> {
  if (!found?.user.isActive) return null;
  const { session, user } = found;

  const lifetime = sessionLifetimeMs(ctx.options, session.kind);
  // Slides in the last half of its lifetime, never past the absolute lifetime when one is set.
  const slidTo = sessionExpiry(ctx.options, session.kind, session.createdAt, now);
  if (slidTo.getTime() <= now.getTime()) return null; // past its absolute lifetime
  const renewed =
    session.expireAt.getTime() - now.getTime() < lifetime / 2 &&
    slidTo.getTime() > session.expireAt.getTime();
  const stale = now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
  if (renewed || (session.kind === "app" && stale)) {
    const expireAt = renewed ? slidTo : session.expireAt;
    return ctx.storage.touchSession(session.id, expireAt, now).then(() => {
      const touched = { ...session, expireAt, lastUsedAt: now, updatedAt: now };
      return { session: touched, user, renewed };
    });
  }
  return { session, user, renewed: false };
}

/** The caller's live session, for the server-side API: 401 `NotAuthenticated` when none. */
export async function requireSession(
  ctx: AxorContext,
  client: ClientInfo,
): Promise<ResolvedSession> {
  const current = await resolveSession(ctx, client.credential);
  if (!current) throw new AxorError("NotAuthenticated");
  return current;
}
