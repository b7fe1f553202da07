import { memoryRateLimitStore } from "../rate-limit/memory-rate-limit-store.js";
import { EmailTakenError } from "./email-taken-error.js";
import { matchesUserSearch } from "./memory-user-search.js";
import type { OneTimeTokenRecord, SessionRecord, TotpRecord, UserRecord } from "./records.js";
import type {
  ExpiredRowSweeper,
  RateLimitStore,
  StorageAdapter,
  UserAdminStorage,
} from "./storage-adapter.js";

/**
 * A `StorageAdapter`, with a `RateLimitStore`, that keeps everything in `Map`s of this process:
 * for tests, examples and development. State is lost on restart, is not shared between
 * processes. `sweepExpired` (what `axor.cleanup()` calls) deletes ended sessions and one-time
 * tokens; the counters drop ended windows by themselves (see `memoryRateLimitStore`). Every verb runs without awaiting anything, so each
 * one is atomic on Node's single thread (the "exactly one winner" verbs need nothing more).
 * Records go in and come out as copies: changing a returned object never changes what is stored.
 *
 * @example
 * ```ts
 * import { createAxor, memoryStorage } from "@axor/core";
 *
 * const axor = createAxor({ storage: memoryStorage(), secret: process.env.AXOR_SECRET! });
 * ```
 */
export function memoryStorage(): StorageAdapter &
  RateLimitStore &
  UserAdminStorage &
  ExpiredRowSweeper {
  const users = new Map<string, UserRecord>();
  const userIdByEmail = new Map<string, string>();
  const sessions = new Map<string, SessionRecord>();
  const sessionIdByKeyHash = new Map<string, string>();
  const tokens = new Map<string, OneTimeTokenRecord>();
  const totps = new Map<string, TotpRecord>();
  const backupCodes = new Map<string, Set<string>>();

  const userSessions = (userId: string): SessionRecord[] =>
    [...sessions.values()].filter((session) => session.userId === userId);
  const liveToken = (tokenHash: string, purpose: string, now: Date) => {
    const token = tokens.get(tokenHash);
    return token && token.purpose === purpose && isLive(token, now) ? token : null;
  };

  return {
    async createUser(user) {
      if (userIdByEmail.has(user.email)) throw new EmailTakenError(user.email);
      const stored = structuredClone({
        ...user,
        totpEnabled: user.totpEnabled ?? false,
        fields: user.fields ?? {},
      });
      users.set(stored.id, stored);
      userIdByEmail.set(stored.email, stored.id);
      return structuredClone(stored);
    },
    async getUserById(id) {
      return copyOrNull(users.get(id));
    },
    async getUserByEmail(email) {
      const id = userIdByEmail.get(email);
      return id === undefined ? null : copyOrNull(users.get(id));
    },
    async updateUser(id, patch) {
      const user = users.get(id);
      if (!user) return null;
      const email = patch.email ?? user.email;
      const owner = userIdByEmail.get(email);
      if (owner !== undefined && owner !== id) throw new EmailTakenError(email);
      const changes = Object.entries(patch).filter(([, value]) => value !== undefined);
      const updated: UserRecord = structuredClone({ ...user, ...Object.fromEntries(changes) });
      userIdByEmail.delete(user.email);
      userIdByEmail.set(updated.email, id);
      users.set(id, updated);
      return structuredClone(updated);
    },

    async listUsers({ search, offset, limit }) {
      const matching = [...users.values()]
        .filter((user) => matchesUserSearch(user, search))
        .sort(oldestFirst);
      return {
        users: structuredClone(matching.slice(offset, offset + limit)),
        total: matching.length,
      };
    },
    async deleteUser(id) {
      const user = users.get(id);
      if (!user) return false;
      for (const session of userSessions(id)) {
        sessions.delete(session.id);
        sessionIdByKeyHash.delete(session.keyHash);
      }
      for (const [tokenHash, token] of tokens) if (token.userId === id) tokens.delete(tokenHash);
      totps.delete(id);
      backupCodes.delete(id);
      userIdByEmail.delete(user.email);
      users.delete(id);
      return true;
    },

    async sweepExpired(now, limit) {
      let swept = 0;
      for (const session of sessions.values()) {
        if (swept >= limit) break;
        if (isLive(session, now)) continue;
        sessions.delete(session.id);
        sessionIdByKeyHash.delete(session.keyHash);
        swept++;
      }
      let sweptTokens = 0;
      for (const [tokenHash, token] of tokens) {
        if (sweptTokens >= limit) break;
        if (isLive(token, now)) continue;
        tokens.delete(tokenHash);
        sweptTokens++;
      }
      return { sessions: swept, oneTimeTokens: sweptTokens, counters: 0 };
    },

    async createSession(session) {
      sessions.set(session.id, structuredClone({ ...session, revokedAt: null }));
      sessionIdByKeyHash.set(session.keyHash, session.id);
    },
    async getLiveSession(keyHash, now) {
      const id = sessionIdByKeyHash.get(keyHash);
      const session = id === undefined ? undefined : sessions.get(id);
      const user = session && users.get(session.userId);
      if (!session || !user || !isLive(session, now)) return null;
      return structuredClone({ session, user });
    },
    async touchSession(id, expireAt, usedAt) {
      const session = sessions.get(id);
      if (!session) return;
      session.expireAt = new Date(expireAt);
      session.lastUsedAt = new Date(usedAt);
      session.updatedAt = new Date(usedAt);
    },
    async getLatestSession(userId, kind) {
      const ofKind = userSessions(userId).filter((session) => session.kind === kind);
      return copyOrNull(ofKind.sort(newestFirst)[0]);
    },
    async listLiveSessions(userId, now) {
      const live = userSessions(userId).filter((session) => isLive(session, now));
      return structuredClone(live.sort(newestFirst));
    },
    async revokeSession(userId, id, now) {
      const session = sessions.get(id);
      if (!session || session.userId !== userId || !isLive(session, now)) return false;
      session.revokedAt = new Date(now);
      return true;
    },
    async revokeUserSessions(userId, now, exceptId) {
      const revoked = userSessions(userId).filter(
        (session) => session.id !== exceptId && isLive(session, now),
      );
      for (const session of revoked) session.revokedAt = new Date(now);
      return revoked.length;
    },

    async createOneTimeToken(token) {
      tokens.set(token.tokenHash, structuredClone(token));
    },
    async findOneTimeToken(tokenHash, purpose, now) {
      return copyOrNull(liveToken(tokenHash, purpose, now));
    },
    async consumeOneTimeToken(tokenHash, purpose, now) {
      const token = liveToken(tokenHash, purpose, now);
      if (token) tokens.delete(tokenHash);
      return token;
    },
    async deleteOneTimeTokens(userId, purpose) {
      for (const [tokenHash, token] of tokens) {
        if (token.userId === userId && token.purpose === purpose) tokens.delete(tokenHash);
      }
    },

    async getTotp(userId) {
      return copyOrNull(totps.get(userId));
    },
    async saveTotp(totp, backupCodeHashes) {
      // No await between the check and the writes: atomic on the event loop.
      if (totps.get(totp.userId)?.confirmed) return false;
      totps.set(totp.userId, structuredClone(totp));
      backupCodes.set(totp.userId, new Set(backupCodeHashes));
      return true;
    },
    async confirmTotp(userId, now) {
      const totp = totps.get(userId);
      if (!totp) return;
      totp.confirmed = true;
      const user = users.get(userId);
      if (user) Object.assign(user, { totpEnabled: true, updatedAt: new Date(now) });
    },
    async deleteTotp(userId, now) {
      totps.delete(userId);
      backupCodes.delete(userId);
      const user = users.get(userId);
      if (user) Object.assign(user, { totpEnabled: false, updatedAt: new Date(now) });
    },
    async advanceTotpStep(userId, step) {
      const totp = totps.get(userId);
      if (!totp || step <= totp.lastUsedStep) return false;
      totp.lastUsedStep = step;
      return true;
    },
    async replaceBackupCodes(userId, codeHashes) {
      backupCodes.set(userId, new Set(codeHashes));
    },
    async useBackupCode(userId, codeHash) {
      return backupCodes.get(userId)?.delete(codeHash) ?? false;
    },

    ...memoryRateLimitStore(),
  };
}

/** Live: not revoked (tokens have no revocation) and `expireAt` strictly after `now`. */
function isLive(row: { expireAt: Date; revokedAt?: Date | null }, now: Date): boolean {
  return !row.revokedAt && row.expireAt.getTime() > now.getTime();
}

/** Newest first: `createdAt` descending, then `id` descending so ties have one order. */
function newestFirst(a: SessionRecord, b: SessionRecord): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Oldest first: `createdAt` ascending, then `id` ascending. */
function oldestFirst(a: UserRecord, b: UserRecord): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function copyOrNull<T>(record: T | undefined | null): T | null {
  return record ? structuredClone(record) : null;
}
