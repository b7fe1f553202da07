import type {
  CounterState,
  NewSession,
  NewUser,
  OneTimeTokenPurpose,
  OneTimeTokenRecord,
  SecurityEvent,
  SessionKind,
  SessionRecord,
  SessionWithUser,
  TotpRecord,
  UserPatch,
  UserRecord,
} from "./records.js";

/**
 * Where Axor keeps its state. A handful of domain verbs; everything the contract needs to be
 * atomic is one verb here, so an adapter can make it atomic in its own way.
 *
 * Conventions: emails arrive trimmed and lower-cased; "live" means not revoked and
 * `expireAt > now`; a verb that finds nothing returns null or false, never throws. Every
 * adapter must pass `describeStorageAdapter` from `@axor/testing`.
 *
 * @example
 * ```ts
 * import { createAxor, memoryStorage } from "@axor/core";
 * const axor = createAxor({ storage: memoryStorage(), secret: process.env.AXOR_SECRET! });
 * ```
 */
export interface StorageAdapter {
  /** Inserts a user. Throws `EmailTakenError` when the email exists (exactly one concurrent winner). */
  createUser(user: NewUser): Promise<UserRecord>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  /** Applies a patch; null when the user is gone. A taken email throws `EmailTakenError`. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;

  createSession(session: NewSession): Promise<void>;
  /** The hot path: the live session whose key hashes to `keyHash`, with its user, in one read. */
  getLiveSession(keyHash: string, now: Date): Promise<SessionWithUser | null>;
  /** Slides a session: sets `expireAt`, `lastUsedAt` and `updatedAt`. */
  touchSession(id: string, expireAt: Date, usedAt: Date): Promise<void>;
  /** The user's newest session of `kind`, live or not; null when there is none. */
  getLatestSession(userId: string, kind: SessionKind): Promise<SessionRecord | null>;
  /** The user's live sessions and tokens, newest first. */
  listLiveSessions(userId: string, now: Date): Promise<SessionRecord[]>;
  /** Revokes one of the user's live sessions; false when there was none to revoke. */
  revokeSession(userId: string, id: string, now: Date): Promise<boolean>;
  /** Revokes all the user's live sessions except `exceptId`; returns how many. */
  revokeUserSessions(userId: string, now: Date, exceptId?: string): Promise<number>;

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

  getTotp(userId: string): Promise<TotpRecord | null>;
  /** Stores a (new, unconfirmed) setup and its backup codes, replacing any earlier ones. */
  saveTotp(totp: TotpRecord, backupCodeHashes: string[]): Promise<void>;
  confirmTotp(userId: string): Promise<void>;
  /** Deletes the TOTP setup and its backup codes. */
  deleteTotp(userId: string): Promise<void>;
  /** Sets `lastUsedStep` to `step` only when `step` is greater: false means the code was used. */
  advanceTotpStep(userId: string, step: number): Promise<boolean>;
  replaceBackupCodes(userId: string, codeHashes: string[]): Promise<void>;
  /** Removes one backup code: of N concurrent calls exactly one gets true. */
  useBackupCode(userId: string, codeHash: string): Promise<boolean>;

  /** Adds one to the counter `key`, starting a new window of `windowMs` when the old one ended. */
  incrementCounter(key: string, windowMs: number, now: Date): Promise<CounterState>;
  /** The counter's current window, or null when it has none or its window has ended. */
  getCounter(key: string, now: Date): Promise<CounterState | null>;
  /** Takes back one increment (an attempt that turned out to succeed); never below zero. */
  decrementCounter(key: string): Promise<void>;
  resetCounter(key: string): Promise<void>;

  recordSecurityEvent(event: SecurityEvent): Promise<void>;
}
