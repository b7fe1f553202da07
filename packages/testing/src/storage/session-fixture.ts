import type { NewSession, SessionStorage } from "@axor/core/storage";
import { makeNewSession, msAfter } from "./record-fixtures.js";
import type { StoreGetter } from "./storage-fixture.js";

/** An hour in milliseconds: how long after `now` the sessions of `insertSession` live. */
export const HOUR_MS = 60 * 60 * 1000;

/** What the session tests use to set up their sessions. */
export interface SessionHelpers {
  /** Stores a session of `userId` created `ageMs` before `now`, live for an hour after `now`. */
  insertSession(
    userId: string,
    now: Date,
    ageMs: number,
    overrides?: Partial<NewSession>,
  ): Promise<NewSession>;
  /** The ids `listLiveSessions` returns, in its order. */
  liveIds(userId: string, now: Date): Promise<string[]>;
}

/** The session tests' helpers over `storage`. */
export function sessionHelpers(storage: StoreGetter<SessionStorage>): SessionHelpers {
  return {
    async insertSession(userId, now, ageMs, overrides = {}) {
      const createdAt = msAfter(now, -ageMs);
      const session = makeNewSession(userId, {
        createdAt,
        updatedAt: createdAt,
        lastUsedAt: createdAt,
        expireAt: msAfter(now, HOUR_MS),
        ...overrides,
      });
      await storage().createSession(session);
      return session;
    },
    async liveIds(userId, now) {
      return (await storage().listLiveSessions(userId, now)).map((session) => session.id);
    },
  };
}
