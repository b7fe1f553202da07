import type { SessionStorage } from "@axor/core/storage";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../database.js";
import { sessions, users } from "../schema.js";

/** Live: not revoked, and expiring strictly after `now`. */
const isLive = (now: Date) => and(isNull(sessions.revokedAt), gt(sessions.expireAt, now));

/** Newest first: by `createdAt`, then by `id`, both descending, so that ties have one order. */
const newestFirst = [desc(sessions.createdAt), desc(sessions.id)];

/** Web sessions and app tokens on Drizzle. */
export function sessionStorage(db: Database): SessionStorage {
  // The session lookup runs on every authenticated request: a prepared statement, built once.
  const liveSession = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.keyHash, sql.placeholder("keyHash")),
        isNull(sessions.revokedAt),
        gt(sessions.expireAt, sql.placeholder("now")),
      ),
    )
    .prepare("axor_live_session");

  return {
    async createSession(session) {
      await db.insert(sessions).values({ ...session, revokedAt: null });
    },
    async getLiveSession(keyHash, now) {
      const [found] = await liveSession.execute({ keyHash, now });
      return found ?? null;
    },
    async touchSession(id, expireAt, usedAt) {
      await db
        .update(sessions)
        .set({ expireAt, lastUsedAt: usedAt, updatedAt: usedAt })
        .where(eq(sessions.id, id));
    },
    async getLatestSession(userId, kind) {
      const [latest] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.kind, kind)))
        .orderBy(...newestFirst)
        .limit(1);
      return latest ?? null;
    },
    async listLiveSessions(userId, now) {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isLive(now)))
        .orderBy(...newestFirst);
    },
    async revokeSession(userId, id, now) {
      // One conditional UPDATE: only a live session of this user is revoked, once.
      const revoked = await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isLive(now)))
        .returning({ id: sessions.id });
      return revoked.length > 0;
    },
    async revokeUserSessions(userId, now, exceptId) {
      const revoked = await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(
          and(
            eq(sessions.userId, userId),
            isLive(now),
            exceptId === undefined ? undefined : ne(sessions.id, exceptId),
          ),
        )
        .returning({ id: sessions.id });
      return revoked.length;
    },
  };
}
