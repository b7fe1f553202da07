import type { ActiveSessions, User } from "../api/api-objects.js";
import type { StoredSecurityEvent } from "../storage/records.js";
import type {
  AllUserFieldInputs,
  UserFieldDeclarations,
  UserWithFields,
} from "../user-fields/user-field-declaration.js";

/**
 * Input of `axor.users.create`. Field names and rules as `register/` takes them; without
 * `password` the user signs in by magic link (or sets a password through a reset link).
 *
 * @example
 * ```ts
 * const input: CreateUserInput = {
 *   email: "ada@example.com",
 *   first_name: "Ada",
 *   last_name: "Lovelace",
 *   password: "correct horse battery", // optional: omit for a magic-link-only account
 *   email_verified: true, // optional, default false
 *   send_verification_email: false, // optional, default false
 * };
 * const user = await axor.users.create(input);
 * ```
 */
export interface CreateUserInput {
  email: string;
  password?: string | undefined;
  first_name: string;
  last_name: string;
  /** Mark the address verified at once. Default false. */
  email_verified?: boolean | undefined;
  /** Send the verification email, as `register/` does. Default false; ignored when verified. */
  send_verification_email?: boolean | undefined;
}

/**
 * Input of `axor.users.updateNames`: both names, validated as at `register/`.
 *
 * @example
 * ```ts
 * const names: UpdateNamesInput = { first_name: "Augusta Ada", last_name: "King" };
 * await axor.users.updateNames(user.id, names);
 * ```
 */
export interface UpdateNamesInput {
  first_name: string;
  last_name: string;
}

/**
 * Query of `axor.users.list`: an optional search over email and names (case-insensitive,
 * anywhere in the text) and a page. `offset` defaults to 0, `limit` to 50 (at most 1000).
 *
 * @example
 * ```ts
 * const query: ListUsersQuery = { search: "@example.com", offset: 100, limit: 50 };
 * const page = await axor.users.list(query);
 * ```
 */
export interface ListUsersQuery {
  search?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/**
 * One page of `axor.users.list`: the users (oldest first), how many match in all, and the
 * page asked for.
 *
 * @example
 * ```ts
 * const { users, total, offset, limit }: UserList = await axor.users.list({ limit: 20 });
 * const hasMore = offset + users.length < total;
 * ```
 */
export interface UserList<TUser extends User = User> {
  users: TUser[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * Options of `axor.users.delete`.
 *
 * @example
 * ```ts
 * const options: DeleteUserOptions = { purgeEvents: true }; // also forget the security log
 * await axor.users.delete(user.id, options);
 * ```
 */
export interface DeleteUserOptions {
  /** Also delete the user's security events. Default false: they stay for audit. */
  purgeEvents?: boolean | undefined;
}

/**
 * Query of `axor.users.events`: one user's events (or everyone's), between `from` (inclusive)
 * and `to` (exclusive), newest first. `offset` defaults to 0, `limit` to 50 (at most 1000).
 *
 * @example
 * ```ts
 * const query: SecurityEventsQuery = {
 *   userId: user.id,
 *   from: new Date(Date.now() - 7 * 24 * 3600 * 1000), // the last week
 *   limit: 100,
 * };
 * const events = await axor.users.events(query);
 * ```
 */
export interface SecurityEventsQuery {
  userId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/**
 * The server-side admin API, `axor.users`: for the host app's own code (admin screens,
 * scripts, jobs), never exposed over HTTP by Axor. Each function validates its input as the
 * HTTP layer does and throws `AxorError` with the same codes (`ValidationError`,
 * `InvalidPassword`, `EmailInUse`, ...); an unknown user id is 404 `UserNotFound`. None is
 * rate-limited, none makes a session, and none sends an email unless asked. Each change is
 * recorded as a security event (`user_created`, `user_disabled`, ...) with no ip or agent.
 *
 * @example
 * ```ts
 * const ada = await axor.users.create({
 *   email: "ada@example.com",
 *   first_name: "Ada",
 *   last_name: "Lovelace",
 *   email_verified: true,
 * });
 * await axor.users.disable(ada.id); // her sessions stop working at once
 * ```
 */
export interface UserAdmin<TFields extends UserFieldDeclarations = {}> {
  /**
   * Creates a user (no session, no email unless `send_verification_email`). 409 `EmailInUse`
   * when the address is taken; 400 `InvalidPassword` when the password breaks the policy.
   *
   * @example
   * ```ts
   * const user = await axor.users.create({
   *   email: "grace@example.com",
   *   first_name: "Grace",
   *   last_name: "Hopper",
   * }); // no password: she signs in by magic link
   * ```
   */
  create(input: CreateUserInput & AllUserFieldInputs<TFields>): Promise<UserWithFields<TFields>>;
  /**
   * The user with this id, or null.
   *
   * @example
   * ```ts
   * const found = await axor.users.get("7c9e6679-7425-40de-944b-e07fc1f90ae7");
   * if (found && !found.is_active) console.log(`${found.email} is disabled`);
   * ```
   */
  get(id: string): Promise<UserWithFields<TFields> | null>;
  /**
   * The user with this email (trimmed and lower-cased first, as at login), or null.
   *
   * @example
   * ```ts
   * const found = await axor.users.getByEmail(" Ada@Example.com ");
   * ```
   */
  getByEmail(email: string): Promise<UserWithFields<TFields> | null>;
  /**
   * A page of users, oldest first, optionally matching a search. Needs `UserAdminStorage`.
   *
   * @example
   * ```ts
   * for (let offset = 0; ; offset += 100) {
   *   const page = await axor.users.list({ offset, limit: 100 });
   *   for (const listed of page.users) console.log(listed.email);
   *   if (offset + page.users.length >= page.total) break;
   * }
   * ```
   */
  list(query?: ListUsersQuery): Promise<UserList<UserWithFields<TFields>>>;
  /**
   * Sets both names; returns the updated user. Records `name_changed`.
   *
   * @example
   * ```ts
   * const renamed = await axor.users.updateNames(user.id, { first_name: "Ada", last_name: "King" });
   * ```
   */
  updateNames(id: string, input: UpdateNamesInput): Promise<UserWithFields<TFields>>;
  /**
   * Sets the declared additional fields it is given (any of them, whatever their `register` and
   * `profile` flags), each validated with its schema (400 `ValidationError` under its name,
   * nothing written); the others stay as they are. Returns the updated user. Records
   * `fields_changed`.
   *
   * @example
   * ```ts
   * // with createAxor({ ..., userFields: { company: { schema: v.string(), default: "" } } })
   * const moved = await axor.users.updateFields(user.id, { company: "Analytical Engines" });
   * ```
   */
  updateFields(id: string, input: AllUserFieldInputs<TFields>): Promise<UserWithFields<TFields>>;
  /**
   * Sets a new password (checked against the password policy) and ends every session and token
   * of the user, as a password reset does. Records `password_set`.
   *
   * @example
   * ```ts
   * await axor.users.setPassword(user.id, "a new long passphrase");
   * ```
   */
  setPassword(id: string, password: string): Promise<void>;
  /**
   * Marks the user's email verified and deletes their pending verification links. Records
   * `email_verified`.
   *
   * @example
   * ```ts
   * const verified = await axor.users.markEmailVerified(user.id); // is_email_verified: true
   * ```
   */
  markEmailVerified(id: string): Promise<UserWithFields<TFields>>;
  /**
   * Disables the account: every session and token of the user stops working at once (they are
   * revoked), and login answers 403 `AccountDisabled` after a correct password. Records
   * `user_disabled`.
   *
   * @example
   * ```ts
   * const disabled = await axor.users.disable(user.id); // is_active: false
   * ```
   */
  disable(id: string): Promise<UserWithFields<TFields>>;
  /**
   * Enables a disabled account; the user signs in again (the sessions ended by `disable` stay
   * ended). Records `user_enabled`.
   *
   * @example
   * ```ts
   * await axor.users.enable(user.id);
   * ```
   */
  enable(id: string): Promise<UserWithFields<TFields>>;
  /**
   * Deletes the user with their sessions, tokens, TOTP setup, backup codes and one-time tokens.
   * Their security events stay for audit (a `user_deleted` event is added) unless
   * `purgeEvents` is true. Needs `UserAdminStorage` (and `EventLogReader` to purge).
   *
   * @example
   * ```ts
   * await axor.users.delete(user.id); // 404 UserNotFound when already gone
   * ```
   */
  delete(id: string, options?: DeleteUserOptions): Promise<void>;
  /**
   * The user's live web sessions and app tokens, newest first (`current` is absent: there is
   * no calling session).
   *
   * @example
   * ```ts
   * const { sessions, tokens } = await axor.users.sessions(user.id);
   * console.log(`${sessions.length} browsers, ${tokens.length} apps`);
   * ```
   */
  sessions(id: string): Promise<ActiveSessions>;
  /**
   * Ends one live session or token of the user: 404 `SessionTokenNotFound` when it is not one.
   * Records `session_revoked`.
   *
   * @example
   * ```ts
   * const { tokens } = await axor.users.sessions(user.id);
   * for (const token of tokens) await axor.users.revokeSession(user.id, token.id);
   * ```
   */
  revokeSession(id: string, sessionId: string): Promise<void>;
  /**
   * Ends every live session and token of the user; returns how many. Records
   * `sessions_revoked`.
   *
   * @example
   * ```ts
   * const ended = await axor.users.revokeSessions(user.id);
   * ```
   */
  revokeSessions(id: string): Promise<number>;
  /**
   * Security events, newest first, by user and time range, one page at a time. Needs an event
   * log that offers `EventLogReader`.
   *
   * @example
   * ```ts
   * const failures = (await axor.users.events({ userId: user.id, limit: 200 })).filter(
   *   (event) => event.type === "login_failed",
   * );
   * ```
   */
  events(query?: SecurityEventsQuery): Promise<StoredSecurityEvent[]>;
}
