/**
 * A stored user. `passwordHash` never leaves the core.
 *
 * @example
 * ```ts
 * // An adapter turns its row into a UserRecord: Dates as `Date`, booleans as booleans.
 * interface UserRow {
 *   id: string;
 *   email: string;
 *   password_hash: string;
 *   first_name: string;
 *   last_name: string;
 *   timezone: string;
 *   is_active: 0 | 1;
 *   is_email_verified: 0 | 1;
 *   totp_enabled: 0 | 1;
 *   created_at: number; // epoch milliseconds
 *   updated_at: number;
 * }
 * const toUserRecord = (row: UserRow): UserRecord => ({
 *   id: row.id,
 *   email: row.email,
 *   passwordHash: row.password_hash,
 *   firstName: row.first_name,
 *   lastName: row.last_name,
 *   timezone: row.timezone,
 *   isActive: row.is_active === 1,
 *   isEmailVerified: row.is_email_verified === 1,
 *   totpEnabled: row.totp_enabled === 1,
 *   createdAt: new Date(row.created_at),
 *   updatedAt: new Date(row.updated_at),
 * });
 * ```
 */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  timezone: string;
  isActive: boolean;
  isEmailVerified: boolean;
  totpEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  /**
   * The app's additional user fields (the `userFields` option): a JSON object, stored as it is
   * given and returned as it was stored. Optional so that storages written before it keep
   * compiling; the core treats an absent one as `{}`. A storage that keeps it must return a
   * copy, and must accept any JSON object (strings, numbers, booleans, null, arrays, objects).
   */
  fields?: UserFieldValues;
}

/**
 * The values of a user's additional fields (the `userFields` option), by field name: a JSON
 * object, as `UserRecord.fields` and `UserPatch.fields` carry it.
 *
 * @example
 * ```ts
 * const fields: UserFieldValues = { company: "Analytical Engines Ltd", newsletter: true };
 * await storage.updateUser(user.id, { fields, updatedAt: new Date() });
 * ```
 */
export type UserFieldValues = Record<string, unknown>;

/**
 * What `createUser` takes: the core chooses the id and the timestamps.
 *
 * @example
 * ```ts
 * // In an adapter: store it (totpEnabled defaults to false) and return the UserRecord.
 * const usersByEmail = new Map<string, UserRecord>();
 * async function createUser(user: NewUser): Promise<UserRecord> {
 *   if (usersByEmail.has(user.email)) throw new EmailTakenError(user.email);
 *   const record: UserRecord = { ...user, totpEnabled: user.totpEnabled ?? false };
 *   usersByEmail.set(record.email, record);
 *   return record;
 * }
 * ```
 */
export type NewUser = Omit<UserRecord, "totpEnabled"> & { totpEnabled?: boolean };

/**
 * Fields `updateUser` may change; `updatedAt` is always given by the caller. `fields`, when
 * given, replaces the stored additional fields as a whole (the core sends the full object).
 *
 * @example
 * ```ts
 * const patch: UserPatch = { firstName: "Ada", lastName: "King", updatedAt: new Date() };
 * const updated = await storage.updateUser(user.id, patch); // null when the user is gone
 * ```
 */
export type UserPatch = Partial<
  Pick<
    UserRecord,
    | "email"
    | "passwordHash"
    | "firstName"
    | "lastName"
    | "timezone"
    | "isActive"
    | "isEmailVerified"
    | "totpEnabled"
    | "fields"
  >
> & { updatedAt: Date };

/**
 * How a client talks to Axor, and so the kind of session it holds. `web`: a browser, with a
 * session carried in a cookie (no `X-Requested-By`, or `web`). `app`: any other client, with a
 * Bearer token (any other `X-Requested-By`).
 *
 * @example
 * ```ts
 * const kind: ClientMode = "app";
 * const newestToken = await storage.getLatestSession(user.id, kind); // live or not; null if none
 * ```
 */
export type ClientMode = "web" | "app";

/**
 * A web session or an app token. Only the SHA-256 hash of its key is stored.
 *
 * @example
 * ```ts
 * // An adapter turns its row into a SessionRecord: instants as `Date`, null stays null.
 * interface SessionRow {
 *   id: string;
 *   user_id: string;
 *   kind: ClientMode;
 *   key_hash: string;
 *   created_at: number; // epoch milliseconds
 *   updated_at: number;
 *   last_used_at: number;
 *   expire_at: number;
 *   revoked_at: number | null;
 *   ip: string | null;
 *   ua: string | null;
 * }
 * const toSessionRecord = (row: SessionRow): SessionRecord => ({
 *   id: row.id,
 *   userId: row.user_id,
 *   kind: row.kind, // "web" | "app"
 *   keyHash: row.key_hash,
 *   createdAt: new Date(row.created_at),
 *   updatedAt: new Date(row.updated_at),
 *   lastUsedAt: new Date(row.last_used_at),
 *   expireAt: new Date(row.expire_at),
 *   revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
 *   ip: row.ip,
 *   ua: row.ua,
 * });
 * ```
 */
export interface SessionRecord {
  id: string;
  userId: string;
  kind: ClientMode;
  keyHash: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date;
  expireAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  ua: string | null;
}

/**
 * What `createSession` takes.
 *
 * @example
 * ```ts
 * // In an adapter: a new session is never revoked yet.
 * const sessionsByKeyHash = new Map<string, SessionRecord>();
 * async function createSession(session: NewSession): Promise<void> {
 *   sessionsByKeyHash.set(session.keyHash, { ...session, revokedAt: null });
 * }
 * ```
 */
export type NewSession = Omit<SessionRecord, "revokedAt">;

/**
 * A session together with its user: the one read every authenticated request makes.
 *
 * @example
 * ```ts
 * // In an adapter: one query joining sessions to users, live rows only.
 * type Row = Record<string, unknown>; // the session's columns and its user's
 * declare function selectLiveSessionWithUser(keyHash: string, nowMs: number): Promise<Row | null>;
 * declare function toSessionRecord(row: Row): SessionRecord; // as under SessionRecord
 * declare function toUserRecord(row: Row): UserRecord; // as under UserRecord
 * async function getLiveSession(keyHash: string, now: Date): Promise<SessionWithUser | null> {
 *   const row = await selectLiveSessionWithUser(keyHash, now.getTime());
 *   return row ? { session: toSessionRecord(row), user: toUserRecord(row) } : null;
 * }
 * ```
 */
export interface SessionWithUser {
  session: SessionRecord;
  user: UserRecord;
}

/**
 * What a one-time token is for. Each purpose has its own lifetime.
 *
 * @example
 * ```ts
 * // verify_email: 24 hours; reset_password: 1 hour; magic_link: 15 minutes
 * declare const tokenHash: string; // SHA-256 of the token in the link
 * const purpose: OneTimeTokenPurpose = "reset_password";
 * const token = await storage.consumeOneTimeToken(tokenHash, purpose, new Date());
 * ```
 */
export type OneTimeTokenPurpose = "verify_email" | "reset_password" | "magic_link";

/**
 * A single-use token (email verification, password reset, magic link), stored hashed.
 *
 * @example
 * ```ts
 * // In an adapter's consumeOneTimeToken: delete the live row and return it (exactly one winner),
 * // here with PostgreSQL's DELETE ... RETURNING through Kysely.
 * declare const tokenHash: string;
 * declare const purpose: OneTimeTokenPurpose;
 * const row = await db
 *   .deleteFrom("one_time_tokens")
 *   .where("token_hash", "=", tokenHash)
 *   .where("purpose", "=", purpose)
 *   .where("expire_at", ">", now.getTime())
 *   .returningAll()
 *   .executeTakeFirst();
 * const token: OneTimeTokenRecord | null = row
 *   ? {
 *       tokenHash: row.token_hash,
 *       purpose: row.purpose,
 *       userId: row.user_id,
 *       email: row.email,
 *       createdAt: new Date(row.created_at),
 *       expireAt: new Date(row.expire_at),
 *     }
 *   : null;
 * ```
 */
export interface OneTimeTokenRecord {
  tokenHash: string;
  purpose: OneTimeTokenPurpose;
  userId: string;
  /** The address the token was sent to: a token dies when the user's email changes. */
  email: string;
  createdAt: Date;
  expireAt: Date;
}

/**
 * A user's TOTP state. `secret` is encrypted by the core before it is stored.
 *
 * @example
 * ```ts
 * declare const base32Secret: string; // the new secret, shown to the user once
 * declare const backupCodes: string[]; // the new backup codes, shown once too
 * const totp: TotpRecord = {
 *   userId: user.id,
 *   encryptedSecret: createSecretBox(secret).seal(base32Secret, user.id), // never the plain secret
 *   confirmed: false,
 *   lastUsedStep: 0,
 *   createdAt: new Date(),
 * };
 * await storage.saveTotp(totp, backupCodes.map(createBackupCodes(secret).hash)); // HMACs only
 * ```
 */
export interface TotpRecord {
  userId: string;
  encryptedSecret: string;
  /** False until the user confirms the setup with a first code. */
  confirmed: boolean;
  /** The last accepted time step; a code at or before it is never accepted again. */
  lastUsedStep: number;
  createdAt: Date;
}

/**
 * A fixed-window counter after one increment.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = memoryRateLimitStore();
 * const state: CounterState = await store.incrementCounter("login:ip:203.0.113.7", 900_000, now);
 * // { count: 1, resetAt: now + 15 min } on the first hit of a window; count grows until resetAt
 * const retryAfterSeconds = Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000);
 * ```
 */
export interface CounterState {
  count: number;
  resetAt: Date;
}

/**
 * An entry of the user's security log (logins, password changes, ...).
 *
 * @example
 * ```ts
 * // What the core records when Ada logs in: the event log appends it, `onEvent` is called with it.
 * declare const eventLog: EventLog; // the `eventLog` given to createAxor, or the storage's own
 * const event: SecurityEvent = {
 *   userId: user.id,
 *   type: "login", // also "register", "logout", ...
 *   ip: "203.0.113.7",
 *   ua: "Mozilla/5.0 (X11; Linux x86_64)",
 *   at: new Date(),
 * };
 * await eventLog.recordSecurityEvent(event);
 * ```
 */
export interface SecurityEvent {
  userId: string | null;
  type: string;
  ip: string | null;
  ua: string | null;
  at: Date;
}

/**
 * What `listUsers` takes: an optional search and a page. `search` matches, case-insensitively,
 * anywhere in the email, the first name or the last name (`%` and `_` are plain characters).
 *
 * @example
 * ```ts
 * const query: UserListQuery = { search: "lovelace", offset: 0, limit: 50 };
 * const { users, total } = await (storage as StorageAdapter & UserAdminStorage).listUsers(query);
 * ```
 */
export interface UserListQuery {
  search?: string | undefined;
  /** How many matching users to skip (ordered by `createdAt`, then `id`, oldest first). */
  offset: number;
  /** At most this many users; at least 1. */
  limit: number;
}

/**
 * One page of `listUsers`, with how many users match in all.
 *
 * @example
 * ```ts
 * const page: UserListPage = { users: [user], total: 1 };
 * const pages = Math.ceil(page.total / 50);
 * ```
 */
export interface UserListPage {
  users: UserRecord[];
  total: number;
}

/**
 * What `listSecurityEvents` takes: the events of one user (or of everyone), in a time range,
 * one page at a time, newest first.
 *
 * @example
 * ```ts
 * const query: SecurityEventQuery = {
 *   userId: user.id,
 *   from: new Date("2030-01-01T00:00:00Z"), // inclusive
 *   to: new Date("2030-02-01T00:00:00Z"), // exclusive
 *   offset: 0,
 *   limit: 100,
 * };
 * ```
 */
export interface SecurityEventQuery {
  userId?: string | undefined;
  /** Events at or after this instant. */
  from?: Date | undefined;
  /** Events strictly before this instant. */
  to?: Date | undefined;
  offset: number;
  limit: number;
}

/**
 * A security event as the log gives it back: the event and the id the log gave it.
 *
 * @example
 * ```ts
 * declare const log: EventLog & EventLogReader;
 * const [newest]: StoredSecurityEvent[] = await log.listSecurityEvents({ offset: 0, limit: 1 });
 * console.log(newest?.id, newest?.type, newest?.at.toISOString());
 * ```
 */
export interface StoredSecurityEvent extends SecurityEvent {
  id: string;
}

/**
 * What one `sweepExpired` call deleted, per kind of row.
 *
 * @example
 * ```ts
 * declare const sweeper: ExpiredRowSweeper;
 * const swept: SweepCounts = await sweeper.sweepExpired(new Date(), 1000);
 * // { sessions: 12, oneTimeTokens: 3, counters: 480 }
 * ```
 */
export interface SweepCounts {
  sessions: number;
  oneTimeTokens: number;
  counters: number;
}
