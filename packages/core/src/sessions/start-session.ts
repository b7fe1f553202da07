import { randomUUID } from "node:crypto";
import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import { randomKey } from "../crypto/random-key.js";
import { sha256 } from "../crypto/sha256.js";
import { sessionExpiry } from "./session-lifetime.js";

/** A session just created; `key` is shown to the client once and stored only hashed. */
export interface StartedSession {
  id: string;
  key: string;
  expireAt: Date;
}

/** Creates a new web session or app token (by the client's mode) for `userId`. */
export async function startSession(
  ctx: AxorContext,
  userId: string,
  client: ClientInfo,
): Promise<StartedSession> {
  const now = ctx.now();
  const key = randomKey();
  const id = randomUUID();
  const expireAt = sessionExpiry(ctx.options, client.mode, now, now);
  await ctx.storage.createSession({
    id,
    userId,
    kind: client.mode,
    keyHash: sha256(key),
    createdAt: now,
    updatedAt: now,
    lastUsedAt: now,
    expireAt,
    ip: client.ip || null,
    ua: client.userAgent ? client.userAgent.slice(0, 512) : null,
  });
  return { id, key, expireAt };
}
