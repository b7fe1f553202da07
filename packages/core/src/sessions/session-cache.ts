import type { SessionWithUser } from "../storage/records.js";

interface CacheEntry {
  found: SessionWithUser;
  /** Epoch milliseconds after which the entry is not served. */
  until: number;
}

/**
 * A bounded map of recently validated sessions by key hash, each served for `ttlMs` at most.
 * Every invalidation bumps an epoch: a lookup that started before it may not store what it read
 * (it may predate a revocation), so what is cached is never older than the last invalidation.
 * Internal: `sessionCachingStorage` keeps it in step with the storage writes.
 */
export class SessionCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly keysOfUser = new Map<string, Set<string>>();
  private readonly keyOfSession = new Map<string, string>();
  private epochCount = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** How many sessions are held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The invalidation count, to hand back to `store`. */
  get epoch(): number {
    return this.epochCount;
  }

  /** The cached session for `keyHash` if its TTL and the session itself still run at `now`. */
  get(keyHash: string, now: number): SessionWithUser | null {
    const entry = this.entries.get(keyHash);
    if (!entry) return null;
    if (now >= entry.until || entry.found.session.expireAt.getTime() <= now) {
      this.remove(keyHash, entry);
      return null;
    }
    // Re-insert: Map order stays least recently used first.
    this.entries.delete(keyHash);
    this.entries.set(keyHash, entry);
    return entry.found;
  }

  /** Keeps `found` for the TTL, unless something was invalidated since `epoch` was read. */
  store(keyHash: string, found: SessionWithUser, now: number, epoch: number): void {
    if (epoch !== this.epochCount) return;
    const previous = this.entries.get(keyHash);
    if (previous) this.remove(keyHash, previous);
    this.entries.set(keyHash, { found: freeze(found), until: now + this.ttlMs });
    const userId = found.user.id;
    const keys = this.keysOfUser.get(userId) ?? new Set<string>();
    keys.add(keyHash);
    this.keysOfUser.set(userId, keys);
    this.keyOfSession.set(found.session.id, keyHash);
    if (this.entries.size > this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CacheEntry];
      this.remove(oldestKey, oldest);
    }
  }

  /** Drops every session of the user (a revocation or a change to the user). */
  forgetUser(userId: string): void {
    this.epochCount++;
    const keys = this.keysOfUser.get(userId);
    if (!keys) return;
    for (const keyHash of keys) {
      const entry = this.entries.get(keyHash);
      if (entry) this.remove(keyHash, entry);
    }
  }

  /** Drops one session (it slid or was touched: the stored row changed). */
  forgetSession(sessionId: string): void {
    this.epochCount++;
    const keyHash = this.keyOfSession.get(sessionId);
    const entry = keyHash === undefined ? undefined : this.entries.get(keyHash);
    if (keyHash !== undefined && entry) this.remove(keyHash, entry);
  }

  private remove(keyHash: string, entry: CacheEntry): void {
    this.entries.delete(keyHash);
    this.keyOfSession.delete(entry.found.session.id);
    const userId = entry.found.user.id;
    const keys = this.keysOfUser.get(userId);
    keys?.delete(keyHash);
    if (keys?.size === 0) this.keysOfUser.delete(userId);
  }
}

/**
 * Cached records are shared between requests: a caller that tries to change one (or its
 * `fields`) throws. Being frozen also tells `meBody` (http/me-body.ts) that the record cannot
 * change, so its `me/` text can be rendered once.
 */
function freeze(found: SessionWithUser): SessionWithUser {
  const user = { ...found.user };
  if (user.fields) user.fields = Object.freeze({ ...user.fields });
  return Object.freeze({ session: Object.freeze({ ...found.session }), user: Object.freeze(user) });
}
