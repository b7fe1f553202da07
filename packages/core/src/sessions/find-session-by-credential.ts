import type { Credential } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { sha256 } from "../crypto/sha256.js";
import { isPromiseLike, type MaybePromise } from "../maybe-promise.js";
import type { ClientMode, SessionWithUser } from "../storage/records.js";

/** The shape of every key Axor hands out; anything else is not looked up at all. */
const SESSION_KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The live (unexpired, unrevoked) session a credential names, of the credential's kind (a
 * Bearer key only finds an app token, a cookie only a web session), whatever its user's state.
 * Null for anything malformed or unknown. Synchronous when the storage answers synchronously.
 */
export function findSessionByCredential(
  ctx: AxorContext,
  credential: Credential | null,
  now: Date,
): MaybePromise<SessionWithUser | null> {
  if (!credential || !SESSION_KEY_SHAPE.test(credential.key)) return null;
  const keyHash = sha256(credential.key);
  const kind = credential.source === "bearer" ? "app" : "web";
  const found = ctx.storage.getLiveSession(keyHash, now);
  return isPromiseLike(found)
    ? found.then((answer) => liveOfKind(answer, keyHash, kind, now))
    : liveOfKind(found, keyHash, kind, now);
}

/**
 * The storage's answer, if it is the live session of that key and kind (checked again, so a
 * storage whose comparison is looser than exact, e.g. a case-insensitive collation, cannot
 * hand over another key's session). The hash is compared with `===`, not in constant time:
 * the caller sent the key, so the hash is theirs already, and a stored hash is no secret (it
 * opens nothing); a constant-time compare would cost two buffers on every request.
 */
function liveOfKind(
  found: SessionWithUser | null,
  keyHash: string,
  kind: ClientMode,
  now: Date,
): SessionWithUser | null {
  if (!found || found.session.keyHash !== keyHash) return null;
  if (found.session.kind !== kind) return null;
  if (found.session.expireAt.getTime() <= now.getTime() || found.session.revokedAt !== null) {
    return null;
  }
  return found;
}
