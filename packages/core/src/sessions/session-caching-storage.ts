import { isPromiseLike } from "../maybe-promise.js";
import type { SessionWithUser } from "../storage/records.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";
import type { SessionCache } from "./session-cache.js";

/**
 * `storage` with `getLiveSession` answered from `cache` when it can, and every write that can
 * end a session or change its user (revocations, `touchSession`, `updateUser`, the 2FA writes
 * that flip `totpEnabled`) dropping that user's cached sessions once it returned or failed. So a
 * revocation through this Axor instance is seen by its next request; one made elsewhere (another
 * process, or straight in the database) is seen when the entry's TTL ends.
 */
export function sessionCachingStorage(
  storage: StorageAdapter,
  cache: SessionCache,
): StorageAdapter {
  /** Runs the write, then forgets the user whatever its outcome. */
  async function forgetting<T>(userId: string, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      cache.forgetUser(userId);
    }
  }
  return {
    createUser: (user) => storage.createUser(user),
    getUserById: (id) => storage.getUserById(id),
    getUserByEmail: (email) => storage.getUserByEmail(email),
    updateUser: (id, patch) => forgetting(id, storage.updateUser(id, patch)),
    createSession: (session) => storage.createSession(session),
    getLiveSession(keyHash, now) {
      const at = now.getTime();
      const cached = cache.get(keyHash, at);
      if (cached) return cached; // at once: a cached hit waits for nothing
      const epoch = cache.epoch;
      const remember = (found: SessionWithUser | null) => {
        if (found) cache.store(keyHash, found, at, epoch);
        return found;
      };
      const found = storage.getLiveSession(keyHash, now);
      return isPromiseLike(found) ? found.then(remember) : remember(found);
    },
    async touchSession(id, expireAt, usedAt) {
      try {
        await storage.touchSession(id, expireAt, usedAt);
      } finally {
        cache.forgetSession(id);
      }
    },
    getLatestSession: (userId, kind) => storage.getLatestSession(userId, kind),
    listLiveSessions: (userId, now) => storage.listLiveSessions(userId, now),
    revokeSession: (userId, id, now) => forgetting(userId, storage.revokeSession(userId, id, now)),
    revokeUserSessions: (userId, now, exceptId) =>
      forgetting(userId, storage.revokeUserSessions(userId, now, exceptId)),
    createOneTimeToken: (token) => storage.createOneTimeToken(token),
    findOneTimeToken: (tokenHash, purpose, now) =>
      storage.findOneTimeToken(tokenHash, purpose, now),
    consumeOneTimeToken: (tokenHash, purpose, now) =>
      storage.consumeOneTimeToken(tokenHash, purpose, now),
    deleteOneTimeTokens: (userId, purpose) => storage.deleteOneTimeTokens(userId, purpose),
    getTotp: (userId) => storage.getTotp(userId),
    saveTotp: (totp, codes) => forgetting(totp.userId, storage.saveTotp(totp, codes)),
    confirmTotp: (userId, now) => forgetting(userId, storage.confirmTotp(userId, now)),
    deleteTotp: (userId, now) => forgetting(userId, storage.deleteTotp(userId, now)),
    advanceTotpStep: (userId, step) => storage.advanceTotpStep(userId, step),
    replaceBackupCodes: (userId, codes) => storage.replaceBackupCodes(userId, codes),
    useBackupCode: (userId, codeHash) => storage.useBackupCode(userId, codeHash),
  };
}
