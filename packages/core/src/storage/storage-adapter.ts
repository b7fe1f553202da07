import type { MaybePromise } from "../maybe-promise.js";
import type {
  ClientMode,
  CounterState,
  NewSession,
  NewUser,
  OneTimeTokenPurpose,
  OneTimeTokenRecord,
  SecurityEvent,
  SecurityEventQuery,
  SessionRecord,
  SessionWithUser,
  StoredSecurityEvent,
  SweepCounts,
  TotpRecord,
  UserListPage,
  UserListQuery,
  UserPatch,
  UserRecord,
} from "./records.js";

// The storage interface, in one place. A custom adapter writes the four parts of
// `StorageAdapter`; `RateLimitStore` and `EventLog` are separate stores that an adapter may
// also offer (the kysely and memory storages do), else `createAxor` uses its defaults.
//
// Rules every part follows (the conformance suite of `@axor/testing` checks each):
// - emails arrive trimmed and lower-cased; "live" means not revoked and `expireAt > now`;
// - a verb that finds nothing returns null or false, never throws;
// - records go in and come out as copies: changing a returned object, or one passed in, never
//   changes what is stored;
// - a patch field that is `undefined` (or absent) leaves the stored value as it is;
// - "newest first" is by `createdAt`, then by `id`, both descending, so ties have one order.

/** Users: the account records. */
export interface UserStorage {
  /** Inserts a user. Throws `EmailTakenError` when the email exists (exactly one concurrent winner). */
  createUser(user: NewUser): Promise<UserRecord>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  /** Applies a patch; null when the user is gone. A taken email throws `EmailTakenError`. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;
}

/** Web sessions and app tokens. */
export interface SessionStorage {
  createSession(session: NewSession): Promise<void>;
  /**
   * The hot path: the live session whose key hashes to `keyHash`, with its user, in one read.
   * It may answer synchronously (the value itself, not a promise) when it can, as the SQLite
   * adapter's reader does: the core then resolves the request without a promise layer.
   */
  getLiveSession(keyHash: string, now: Date): MaybePromise<SessionWithUser | null>;
  /** Slides a session: sets `expireAt`, `lastUsedAt` and `updatedAt`. */
  touchSession(id: string, expireAt: Date, usedAt: Date): Promise<void>;
  /** The user's newest session of `kind`, live or not; null when there is none. */
  getLatestSession(userId: string, kind: ClientMode): Promise<SessionRecord | null>;
  /** The user's live sessions and tokens, newest first. */
  listLiveSessions(userId: string, now: Date): Promise<SessionRecord[]>;
  /** Revokes one of the user's live sessions; false when there was none to revoke. */
  revokeSession(userId: string, id: string, now: Date): Promise<boolean>;
  /** Revokes all the user's live sessions except `exceptId`; returns how many. */
  revokeUserSessions(userId: string, now: Date, exceptId?: string): Promise<number>;
}

/** One-time tokens: email verification, password reset, magic links. */
export interface OneTimeTokenStorage {
  createOneTimeToken(token: OneTimeTokenRecord): Promise<void>;
  /** The live token, without using it up (password-reset validation). */
  findOneTimeToken(
    tokenHash: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
  ): Promise<OneTimeTokenRecord | null>;
  /** Deletes and returns a live token: of N concurrent calls exactly one gets it. */
  consumeOneTimeToken(
    tokenHash: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
  ): Promise<OneTimeTokenRecord | null>;
  /** Deletes every token of the user for `purpose` ("older links die"). */
  deleteOneTimeTokens(userId: string, purpose: OneTimeTokenPurpose): Promise<void>;
}

/** Two-factor state: each user's TOTP setup and backup codes. */
export interface TwoFactorStorage {
  getTotp(userId: string): Promise<TotpRecord | null>;
  /**
   * Stores a new, unconfirmed setup (`totp.confirmed` is false) and its backup codes, replacing
   * the user's setup and codes only when that setup is unconfirmed (or there is none): true.
   * When the user has a confirmed setup (2FA on) it writes nothing and returns false, so a new
   * setup never knocks out a confirmed one. The check and the write are one atomic step (one
   * statement, or one transaction holding the row), never a read followed by a write.
   *
   * Racing `confirmTotp`, the two are serialized: either the confirmation lands first (this
   * returns false and the confirmed setup, its codes and the user stay as they were), or this
   * lands first (true) and the confirmation then confirms the new setup. Either way the user's
   * `totpEnabled` is true exactly when the stored setup is confirmed. What it does not
   * guarantee: that the setup `confirmTotp` confirms is the one whose code the caller checked
   * (`totp/enable/` reads the setup, checks the code, then confirms whatever is stored); only a
   * holder of the same account's session can cause that, and that session gets the new
   * setup's secret and backup codes from its `totp/init/`.
   */
  saveTotp(totp: TotpRecord, backupCodeHashes: string[]): Promise<boolean>;
  /**
   * Confirms the user's setup and turns 2FA on, in one atomic step: the setup's `confirmed` and
   * the user's `totpEnabled` become true, and the user's `updatedAt` becomes `now`. Without a
   * setup it changes nothing (2FA is never on without a secret).
   */
  confirmTotp(userId: string, now: Date): Promise<void>;
  /**
   * Turns 2FA off, in one atomic step: deletes the setup and its backup codes, and sets the
   * user's `totpEnabled` to false and `updatedAt` to `now`.
   */
  deleteTotp(userId: string, now: Date): Promise<void>;
  /** Sets `lastUsedStep` to `step` only when `step` is greater: false means the code was used. */
  advanceTotpStep(userId: string, step: number): Promise<boolean>;
  replaceBackupCodes(userId: string, codeHashes: string[]): Promise<void>;
  /** Removes one backup code: of N concurrent calls exactly one gets true. */
  useBackupCode(userId: string, codeHash: string): Promise<boolean>;
}

/**
 * Where Axor keeps its state: users, sessions, one-time tokens and two-factor state, as domain
 * verbs. Everything the contract needs to be atomic is one verb, so an adapter can make it
 * atomic in its own way. Every adapter must pass `describeStorageAdapter` from `@axor/testing`.
 *
 * @example
 * ```ts
 * import { createAxor, memoryStorage } from "@axor/core";
 * const axor = createAxor({ storage: memoryStorage(), secret: process.env.AXOR_SECRET! });
 * ```
 */
export interface StorageAdapter
  extends UserStorage,
    SessionStorage,
    OneTimeTokenStorage,
    TwoFactorStorage {
  /**
   * Optional: releases what the storage opened (a pool, a file); `axor.close()` calls it. A
   * storage over a connection the app owns leaves that connection open.
   */
  close?(): Promise<void>;
}

/**
 * Fixed-window counters for the rate limits and the 2FA lock. Shared by every process that
 * uses the same store; `memoryRateLimitStore()` keeps them in one process.
 */
export interface RateLimitStore {
  /** Adds one to the counter `key`, starting a new window of `windowMs` when the old one ended. */
  incrementCounter(key: string, windowMs: number, now: Date): Promise<CounterState>;
  /** The counter's current window, or null when it has none or its window has ended. */
  getCounter(key: string, now: Date): Promise<CounterState | null>;
  /** Takes back one increment (an attempt that turned out to succeed); never below zero. */
  decrementCounter(key: string): Promise<void>;
  resetCounter(key: string): Promise<void>;
}

/** Where security events (login, logout, register, ...) are written. */
export interface EventLog {
  recordSecurityEvent(event: SecurityEvent): Promise<void>;
}

/**
 * Optional: what the server-side admin API (`axor.users`) needs beyond the four parts: listing
 * users and deleting one. Without it, `axor.users.list` and `axor.users.delete` throw an
 * `Error` saying so; the rest of `axor.users` works on any `StorageAdapter`.
 *
 * @example
 * ```ts
 * const admin: UserAdminStorage = kyselyStorage(db); // memoryStorage() has it too
 * const { users, total } = await admin.listUsers({ search: "ada", offset: 0, limit: 20 });
 * ```
 */
export interface UserAdminStorage {
  /** A page of the users that match, oldest first (`createdAt`, then `id`), and how many match. */
  listUsers(query: UserListQuery): Promise<UserListPage>;
  /**
   * Deletes the user with everything that only serves them: sessions and tokens, one-time
   * tokens, the TOTP setup and backup codes; all or nothing (one transaction). Security events
   * stay. False when there was no such user.
   */
  deleteUser(id: string): Promise<boolean>;
}

/**
 * Optional: reading the security log back, and purging a user's events. An `EventLog` that
 * offers it lets `axor.users.events` and `axor.users.delete(id, { purgeEvents: true })` work.
 *
 * @example
 * ```ts
 * const log: EventLog & EventLogReader = kyselyStorage(db);
 * const events = await log.listSecurityEvents({ userId: user.id, offset: 0, limit: 50 });
 * ```
 */
export interface EventLogReader {
  /** The events that match, newest first (`at`, then `id`, descending). */
  listSecurityEvents(query: SecurityEventQuery): Promise<StoredSecurityEvent[]>;
  /** Deletes every event of the user; returns how many. */
  deleteSecurityEvents(userId: string): Promise<number>;
}

/**
 * Optional: housekeeping. Deletes rows that can never be used again, at most `limit` of each
 * kind per call, so one call is short and bounded; `axor.cleanup()` calls it until a call
 * deletes fewer than `limit`. Rows: sessions and tokens expired or revoked at `now`, one-time
 * tokens expired at `now`, and (when the storage keeps the rate-limit counters) counters whose
 * window ended at `now`. Safe to run on several instances at once: two sweeps may pick the
 * same rows, and each row is deleted once.
 *
 * @example
 * ```ts
 * const sweeper: ExpiredRowSweeper = kyselyStorage(db);
 * const { sessions, oneTimeTokens, counters } = await sweeper.sweepExpired(new Date(), 500);
 * ```
 */
export interface ExpiredRowSweeper {
  sweepExpired(now: Date, limit: number): Promise<SweepCounts>;
}
