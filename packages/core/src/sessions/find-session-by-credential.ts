import type { Credential } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { constantTimeEqual } from "../crypto/constant-time-equal.js";
import { sha256 } from "../crypto/sha256.js";
import type { SessionWithUser } from "../storage/records.js";

/** The shape of every key Axor hands out; anything else is not looked up at all. */
const SESSION_KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The live (unexpired, unrevoked) session a credential names, of the credential's kind (a
 * Bearer key only finds an app token, a cookie only a web session), whatever its user's state.
 * Null for anything malformed or unknown.
 */
export async function findSessionByCredential(
  ctx: AxorContext,
  credential: Credential | null,
  now: Date,
): Promise<SessionWithUser | null> {
  if (!credential || !SESSION_KEY_SHAPE.test(credential.key)) return null;
  const keyHash = sha256(credential.key);
  const found = await ctx.storage.getLiveSession(keyHash, now);
  if (!found || !constantTimeEqual(found.session.keyHash, keyHash)) return null;
  const expectedKind = credential.source === "bearer" ? "app" : "web";
  if (found.session.kind !== expectedKind) return null;
  if (found.session.expireAt.getTime() <= now.getTime() || found.session.revokedAt !== null) {
    return null;
  }
  return found;
}
