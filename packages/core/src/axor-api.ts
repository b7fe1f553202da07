import type { UserAdmin } from "./admin/admin-types.js";
import type { ActiveSessions, AuthState, LoginResponse, User } from "./api/api-objects.js";
import type { ClientInfo } from "./api/client-info.js";
import type { CleanupOptions, CleanupResult } from "./housekeeping/cleanup.js";
import type { Authorization, AuthRequirement } from "./http/authorize.js";
import type { AxorRequest, AxorResponse } from "./http/neutral-http.js";
import type { ResolvedAxorOptions } from "./options/resolve-axor-options.js";
import type {
  UserFieldDeclarations,
  UserFieldInputs,
  UserWithFields,
} from "./user-fields/user-field-declaration.js";

/**
 * Input of `axor.register`.
 *
 * @example
 * ```ts
 * const input: RegisterInput = {
 *   email: "ada@example.com",
 *   password: "correct horse battery",
 *   first_name: "Ada",
 *   last_name: "Lovelace",
 * };
 * const { response } = await axor.register(input, axor.clientInfo(request));
 * ```
 */
export interface RegisterInput {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
}

/**
 * Input of `axor.login`. `code`: a 6-digit TOTP code or a backup code, when 2FA is on.
 *
 * @example
 * ```ts
 * const input: LoginInput = {
 *   email: "ada@example.com",
 *   password: "correct horse battery",
 *   code: "492039", // only when 2FA is on
 * };
 * const result = await axor.login(input, axor.clientInfo(request));
 * ```
 */
export interface LoginInput {
  email: string;
  password: string;
  code?: string | undefined;
}

/**
 * Input of `axor.requestPasswordReset` (`forgot_password/request/`).
 *
 * @example
 * ```ts
 * const input: PasswordResetRequestInput = { email: "ada@example.com" };
 * await axor.requestPasswordReset(input, axor.clientInfo(request)); // the same for any address
 * ```
 */
export interface PasswordResetRequestInput {
  email: string;
}

/**
 * Input of `axor.validatePasswordResetToken` (`forgot_password/validate/`): the token from
 * the reset link.
 *
 * @example
 * ```ts
 * const input: PasswordResetTokenInput = { token: "token-from-the-link" };
 * await axor.validatePasswordResetToken(input); // throws InvalidToken when it is not live
 * ```
 */
export interface PasswordResetTokenInput {
  token: string;
}

/**
 * Input of `axor.resetPassword` (`forgot_password/reset/`): the link's token and the new
 * password.
 *
 * @example
 * ```ts
 * const input: ResetPasswordInput = { token: "token-from-the-link", password: "new horse battery" };
 * await axor.resetPassword(input, axor.clientInfo(request));
 * ```
 */
export interface ResetPasswordInput {
  token: string;
  password: string;
}

/**
 * Input of `axor.changePassword` (`change_password/`).
 *
 * @example
 * ```ts
 * const input: ChangePasswordInput = {
 *   old_password: "correct horse battery",
 *   new_password: "battery staple horse",
 * };
 * await axor.changePassword(input, axor.clientInfo(request));
 * ```
 */
export interface ChangePasswordInput {
  old_password: string;
  new_password: string;
}

/**
 * Input of `axor.requestMagicLink`.
 *
 * @example
 * ```ts
 * const input: MagicLinkRequestInput = { email: "ada@example.com" };
 * await axor.requestMagicLink(input, axor.clientInfo(request)); // resolves the same for any address
 * ```
 */
export interface MagicLinkRequestInput {
  email: string;
}

/**
 * Input of `axor.consumeMagicLink`: the link's `token`, and `code` (a 6-digit TOTP code or a
 * backup code) when the user has 2FA on.
 *
 * @example
 * ```ts
 * const input: MagicLinkConsumeInput = { token: "the ?token= of the link", code: "492039" };
 * const { response, key } = await axor.consumeMagicLink(input, axor.clientInfo(request));
 * ```
 */
export interface MagicLinkConsumeInput {
  token: string;
  code?: string | undefined;
}

/**
 * Input of `axor.changeName`: both names, validated as at register (trimmed, 1..150 characters).
 *
 * @example
 * ```ts
 * const input: ChangeNameInput = { first_name: "Ada", last_name: "King" };
 * const user = await axor.changeName(input, axor.clientInfo(request));
 * ```
 */
export interface ChangeNameInput {
  first_name: string;
  last_name: string;
}

/**
 * Input of `axor.verifyEmail` (`verify_email/`): the token of the verification link.
 *
 * @example
 * ```ts
 * const input: VerifyEmailInput = { token: "the ?token= of the link" };
 * await axor.verifyEmail(input, axor.clientInfo(request)); // the user's email is now verified
 * ```
 */
export interface VerifyEmailInput {
  token: string;
}

/**
 * Input of `axor.changeEmail` (`change_email/`): the new address and the current password.
 *
 * @example
 * ```ts
 * const input: ChangeEmailInput = { email: "ada@new.example.com", password: "correct horse" };
 * const user = await axor.changeEmail(input, axor.clientInfo(request));
 * ```
 */
export interface ChangeEmailInput {
  email: string;
  password: string;
}

/**
 * Input of `axor.enableTotp`, `axor.disableTotp` and `axor.newBackupCodes`: for `enableTotp`
 * the 6-digit code of the authenticator app; for the others that or a backup code.
 *
 * @example
 * ```ts
 * const input: TotpCodeInput = { code: "492039" }; // or a backup code: "7k2mq-x9c4d-8h3jn-wq5r"
 * await axor.disableTotp(input, axor.clientInfo(request));
 * ```
 */
export interface TotpCodeInput {
  code: string;
}

/**
 * A new, unconfirmed TOTP setup (`totp/init/`'s 201 body): show `provision` as a QR code and
 * `key` for typing in by hand, and the backup codes once; none of them can be shown again.
 *
 * @example
 * ```ts
 * const { key, provision, backup_codes }: TotpSetup = await axor.initTotp(client);
 * // provision: "otpauth://totp/Axor:ada%40example.com?issuer=Axor&secret=...&algorithm=SHA1&digits=6&period=30"
 * ```
 */
export interface TotpSetup {
  /** The secret, base32 (160 bits): for typing into an authenticator app by hand. */
  key: string;
  /** The otpauth:// URI of the secret (issuer `appName`, label the user's email): the QR code. */
  provision: string;
  /** 10 single-use backup codes, grouped with dashes. */
  backup_codes: string[];
}

/**
 * A login's result: the response body, plus the new session's key for the cookie.
 *
 * @example
 * ```ts
 * const { response, key, expireAt } = await axor.login({ email, password }, client);
 * // Calling the API directly, you deliver the key yourself: as the session cookie (expiring at
 * // `expireAt`) to a web client; an app client finds it in `response.session`.
 * ```
 */
export interface LoginResult<TUser extends User = User> {
  response: LoginResponse<TUser>;
  /** The new session's key (also in `response.session` in app mode). */
  key: string;
  /** When the new session expires. */
  expireAt: Date;
  /**
   * A device token for this browser and account, in web mode: deliver it as the device cookie
   * (the HTTP endpoints do) so that this browser can still sign in while guessing from
   * elsewhere throttles the account.
   */
  deviceToken?: string;
}

/**
 * Input of `axor.closeSession`: the `id` of one of the user's live sessions or tokens, as
 * `axor.listSessions` lists it.
 *
 * @example
 * ```ts
 * const input: CloseSessionInput = { id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427" };
 * const { closedCurrent } = await axor.closeSession(input, axor.clientInfo(request));
 * ```
 */
export interface CloseSessionInput {
  id: string;
}

/**
 * What `axor.closeSession` did.
 *
 * @example
 * ```ts
 * declare const id: string; // from axor.listSessions
 * const { closedCurrent }: CloseSessionResult = await axor.closeSession({ id }, client);
 * // true: the caller closed its own session; a web client's cookie is now dead, clear it
 * ```
 */
export interface CloseSessionResult {
  /** True when the closed session or token was the caller's own. */
  closedCurrent: boolean;
}

/**
 * The result of resolving a request's credential, with any cookie it must re-set.
 *
 * @example
 * ```ts
 * const { auth, setCookies }: Authentication = await axor.authenticate(request);
 * appendSetCookies(res, setCookies); // a slid session's new cookie
 * if (!auth) res.writeHead(401).end();
 * ```
 */
export interface Authentication<TUser extends User = User> {
  auth: AuthState<TUser> | null;
  /** Set-Cookie values to send (a slid web session's renewed cookie). */
  setCookies: string[];
}

/**
 * The library's server-side API and its HTTP entry point, made by `createAxor`.
 *
 * @example
 * ```ts
 * const axor = createAxor({ storage: memoryStorage(), secret: process.env.AXOR_SECRET! });
 * const response = await axor.handle(request); // serve the whole contract
 * const { auth } = await axor.authenticate(request); // who is calling, for your own routes
 * ```
 */
export interface Axor<TFields extends UserFieldDeclarations = {}> {
  /**
   * The server-side admin API: create, find, list, change, disable, delete users; list and end
   * their sessions; read the security log. See `UserAdmin` and docs/server-api.md.
   *
   * @example
   * ```ts
   * const user = await axor.users.create({
   *   email: "admin@example.com",
   *   password: "a long first passphrase",
   *   first_name: "First",
   *   last_name: "Admin",
   *   email_verified: true,
   * });
   * ```
   */
  readonly users: UserAdmin<TFields>;
  /**
   * Housekeeping: deletes expired and revoked sessions and tokens, expired one-time tokens and
   * ended rate-limit windows, in batches. Run it from a timer or cron (`axor-kysely cleanup`);
   * safe on several instances at once. Needs a storage that offers `ExpiredRowSweeper`.
   *
   * @example
   * ```ts
   * const hourly = setInterval(() => {
   *   axor.cleanup().catch((error: unknown) => console.error("cleanup failed", error));
   * }, 3600_000);
   * hourly.unref();
   * ```
   */
  cleanup(options?: CleanupOptions): Promise<CleanupResult>;
  /**
   * Closes what Axor owns: the storage's database when the storage opened it (`kyselyStorage`
   * over a `db` from `openDatabase`; a Kysely you built yourself stays open). Call it when a
   * script is done, or on shutdown: an open PostgreSQL or MySQL pool keeps Node running. A
   * second call does nothing; no other call may follow.
   *
   * @example
   * ```ts
   * import { createAxor } from "@axor/core";
   * import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
   *
   * const { db } = openDatabase(process.env.AXOR_DATABASE!);
   * await migrateToLatest(db);
   * const axor = createAxor({ storage: kyselyStorage(db), secret: process.env.AXOR_SECRET! });
   * try {
   *   await axor.users.markEmailVerified("7c9e6679-7425-40de-944b-e07fc1f90ae7");
   * } finally {
   *   await axor.close(); // the pool ends: the script exits
   * }
   * ```
   */
  close(): Promise<void>;
  readonly options: ResolvedAxorOptions;
  /**
   * Serves the HTTP contract: one neutral request in, one neutral response out. Never throws.
   *
   * @example
   * ```ts
   * const response = await axor.handle(request); // what an adapter does for every API request
   * ```
   */
  handle(request: AxorRequest): Promise<AxorResponse>;
  /**
   * Resolves a request's credential (Bearer key, else cookie); slides the session when due.
   *
   * @example
   * ```ts
   * const { auth, setCookies } = await axor.authenticate(request);
   * if (auth) console.log(`${auth.user.email} via a ${auth.session.kind} session`);
   * ```
   */
  authenticate(request: AxorRequest): Promise<Authentication<UserWithFields<TFields>>>;
  /**
   * The guards of every adapter, in one call: resolves the caller (or takes `known`, already
   * resolved for this request), checks `requirement` and, for a signed-in caller, the CSRF
   * origin check. Never throws: a refusal (401 `NotAuthenticated`, 403 `CSRFFailed`, 503, 500)
   * comes back as the response to send.
   *
   * @example
   * ```ts
   * const { auth, setCookies, refusal } = await axor.authorize(request, "any");
   * if (refusal) writeNodeResponse(res, refusal); // 401, 403, 503 or 500: send it as it is
   * else appendSetCookies(res, setCookies); // then serve `auth` (null only for "optional")
   * ```
   */
  authorize(
    request: AxorRequest,
    requirement?: AuthRequirement,
    known?: AuthState | null,
  ): Promise<Authorization<UserWithFields<TFields>>>;
  /**
   * The contract's CSRF check, for the app's own routes (the guards run it): throws 403
   * `CSRFFailed` when a state-changing request carries the session cookie, no Bearer key, and
   * an `Origin` (else `Referer`) that is neither its own nor trusted.
   *
   * @example
   * ```ts
   * try {
   *   axor.checkOrigin(request);
   * } catch (error) {
   *   writeNodeResponse(res, axor.errorResponse(error, request.path)); // 403 CSRFFailed
   * }
   * ```
   */
  checkOrigin(request: AxorRequest): void;
  /**
   * Any error as the contract's envelope, for adapters and middleware: an `AxorError` as
   * itself, an unreachable storage as 503, anything else as 500 (reported to `onError`, else
   * to `request.log` when the request is given).
   *
   * @example
   * ```ts
   * const response = axor.errorResponse(new Error("boom"), "/api/notes"); // 500 InternalError
   * ```
   */
  errorResponse(error: unknown, instance: string, request?: AxorRequest): AxorResponse;
  /**
   * Client IP (per `trustedProxies`), user agent, mode and credential of a neutral request.
   *
   * @example
   * ```ts
   * const { ip, mode } = axor.clientInfo(request); // mode: "web" or "app"
   * ```
   */
  clientInfo(request: AxorRequest): ClientInfo;
  /**
   * Creates a user, signs them in and sends the verification email.
   *
   * @example
   * ```ts
   * const { response, key } = await axor.register(
   *   { email: "ada@example.com", password: "correct horse", first_name: "Ada", last_name: "L" },
   *   axor.clientInfo(request),
   * );
   * ```
   */
  register(
    input: RegisterInput & UserFieldInputs<TFields, "register">,
    client: ClientInfo,
  ): Promise<LoginResult<UserWithFields<TFields>>>;
  /**
   * Checks credentials (and the 2FA code) and creates a new session or app token.
   *
   * @example
   * ```ts
   * const { response } = await axor.login(
   *   { email: "ada@example.com", password: "correct horse" },
   *   axor.clientInfo(request),
   * );
   * ```
   */
  login(input: LoginInput, client: ClientInfo): Promise<LoginResult<UserWithFields<TFields>>>;
  /**
   * Sends a sign-in link to the address when it belongs to an active account (the lookup, the
   * new token and the email happen after this resolves; an older link of the account dies).
   * Resolves the same for any address; throws 429 `RateLimited` only when the client IP is
   * over the `email` limit (an address over its own count is silently sent nothing).
   *
   * @example
   * ```ts
   * await axor.requestMagicLink({ email: "ada@example.com" }, axor.clientInfo(request));
   * ```
   */
  requestMagicLink(input: MagicLinkRequestInput, client: ClientInfo): Promise<void>;
  /**
   * Signs in with a magic link's token (and the 2FA code when TOTP is on): a new session or
   * app token, as `login`; marks the email verified; the token is used up only on success.
   * Throws `TokenRequired`, `InvalidToken`, `AccountDisabled`, `TOTPRequired`,
   * `TOTPIncorrect`, `TOTPLocked`.
   *
   * @example
   * ```ts
   * const { response, key, expireAt } = await axor.consumeMagicLink(
   *   { token: "the ?token= of the link" },
   *   axor.clientInfo(request),
   * );
   * ```
   */
  consumeMagicLink(
    input: MagicLinkConsumeInput,
    client: ClientInfo,
  ): Promise<LoginResult<UserWithFields<TFields>>>;
  /**
   * Sets the caller's first and last name; returns the updated user. Throws 401
   * `NotAuthenticated` without a live credential, 400 `ValidationError` for a bad name.
   *
   * @example
   * ```ts
   * const user = await axor.changeName(
   *   { first_name: "Ada", last_name: "King" },
   *   axor.clientInfo(request),
   * );
   * ```
   */
  changeName(
    input: ChangeNameInput & UserFieldInputs<TFields, "profile">,
    client: ClientInfo,
  ): Promise<UserWithFields<TFields>>;
  /**
   * Uses up a verification link's token and marks its user's email verified. Throws 400
   * `TokenRequired` without a token, 400 `InvalidToken` when it is unknown, expired, used, or
   * was sent to an address the user no longer has. Needs no signed-in client.
   *
   * @example
   * ```ts
   * await axor.verifyEmail({ token: "the ?token= of the link" }, axor.clientInfo(request));
   * ```
   */
  verifyEmail(input: VerifyEmailInput, client: ClientInfo): Promise<void>;
  /**
   * Sends the caller a new verification link to their current address; older links die.
   * Throws 400 `EmailVerified` when it is verified already, 429
   * `EmailVerificationLinkSentRecently` (Retry-After) within `emailCooldownSeconds` of the last
   * link, 429 `RateLimited` over the `email` limit, 401 `NotAuthenticated` without a live
   * credential.
   *
   * @example
   * ```ts
   * await axor.resendVerificationEmail(axor.clientInfo(request));
   * ```
   */
  resendVerificationEmail(client: ClientInfo): Promise<void>;
  /**
   * Changes the caller's email after checking their password; the new address is unverified
   * until the link sent to it is used, and the old address gets an `emailChanged` notice.
   * Returns the updated user. Throws 400 `ValidationError`, 400 `InvalidPassword`, 400
   * `SameEmail`, 409 `EmailInUse`, 429 `RateLimited`, 401 `NotAuthenticated`.
   *
   * @example
   * ```ts
   * const user = await axor.changeEmail(
   *   { email: "ada@new.example.com", password: "correct horse" },
   *   axor.clientInfo(request),
   * );
   * console.log(user.is_email_verified); // false until the new link is followed
   * ```
   */
  changeEmail(input: ChangeEmailInput, client: ClientInfo): Promise<UserWithFields<TFields>>;
  /**
   * Revokes the client's current session or token, if any. Idempotent.
   *
   * @example
   * ```ts
   * await axor.logout(axor.clientInfo(request));
   * ```
   */
  logout(client: ClientInfo): Promise<void>;
  /**
   * The caller's user's live web sessions and app tokens, newest first, the caller's own
   * marked `current: true` (the others `current: false`). Throws 401 `NotAuthenticated`
   * without a live credential.
   *
   * @example
   * ```ts
   * const { sessions, tokens } = await axor.listSessions(axor.clientInfo(request));
   * const mine = [...sessions, ...tokens].find((item) => item.current);
   * ```
   */
  listSessions(client: ClientInfo): Promise<ActiveSessions>;
  /**
   * Closes one of the caller's user's live sessions or tokens (the caller's own included).
   * Throws 404 `SessionTokenNotFound` for any other id (another user's, revoked, expired,
   * unknown, malformed), 400 `ValidationError` for a non-string `id`, 401 `NotAuthenticated`
   * without a live credential.
   *
   * @example
   * ```ts
   * declare const id: string; // from axor.listSessions
   * const { closedCurrent } = await axor.closeSession({ id }, axor.clientInfo(request));
   * ```
   */
  closeSession(input: CloseSessionInput, client: ClientInfo): Promise<CloseSessionResult>;
  /**
   * Revokes every live session and token of the caller's user except the caller's own;
   * returns how many. Throws 401 `NotAuthenticated` without a live credential.
   *
   * @example
   * ```ts
   * const closed = await axor.closeOtherSessions(axor.clientInfo(request));
   * console.log(`signed out of ${closed} other devices`);
   * ```
   */
  closeOtherSessions(client: ClientInfo): Promise<number>;
  /**
   * The client's user, or null when not authenticated.
   *
   * @example
   * ```ts
   * const user = await axor.currentUser(axor.clientInfo(request));
   * ```
   */
  currentUser(client: ClientInfo): Promise<UserWithFields<TFields> | null>;
  /**
   * Drops the user's sessions from this instance's session cache (`sessionCache` option), so
   * the next request reads them from storage again. Call it after changing a user or revoking
   * sessions outside Axor (disabling an account in your own admin code, for instance); Axor's
   * own flows do it themselves. Does nothing when the cache is off.
   *
   * @example
   * ```ts
   * await axor.options.storage.updateUser(user.id, { isActive: false, updatedAt: new Date() });
   * axor.forgetCachedSessions(user.id); // refused from the next request on, not after the TTL
   * ```
   */
  forgetCachedSessions(userId: string): void;
  /**
   * `forgot_password/request/`: resolves the same, at once, for any well-formed address
   * (400 `ValidationError` otherwise; 429 `RateLimited` when the client IP asked for too many
   * emails). The lookup, the token and the email happen after it resolves, and only for a
   * known, active account within the per-address `email` limit.
   *
   * @example
   * ```ts
   * await axor.requestPasswordReset({ email: "ada@example.com" }, axor.clientInfo(request));
   * ```
   */
  requestPasswordReset(input: PasswordResetRequestInput, client: ClientInfo): Promise<void>;
  /**
   * `forgot_password/validate/`: resolves when the reset token is live, without using it up;
   * throws 400 `TokenRequired` or `InvalidToken`.
   *
   * @example
   * ```ts
   * declare const token: string; // from the reset link's ?token=
   * const live = await axor.validatePasswordResetToken({ token }).then(
   *   () => true,
   *   () => false,
   * );
   * ```
   */
  validatePasswordResetToken(input: PasswordResetTokenInput): Promise<void>;
  /**
   * `forgot_password/reset/`: uses the reset token up and sets the new password; marks the
   * email verified, revokes every session and app token of the user and sends
   * `passwordChanged`. Throws 400 `TokenRequired`, `InvalidToken` or `InvalidPassword`
   * (nothing is written then).
   *
   * @example
   * ```ts
   * declare const token: string; // from the reset link's ?token=
   * await axor.resetPassword({ token, password: "new horse battery" }, axor.clientInfo(request));
   * ```
   */
  resetPassword(input: ResetPasswordInput, client: ClientInfo): Promise<void>;
  /**
   * `change_password/` for the client's session: checks the old password, sets the new one,
   * revokes every other session and app token (the client's own stays) and sends
   * `passwordChanged`. Throws 401 `NotAuthenticated`, 400 `InvalidOldPassword` or
   * `InvalidNewPassword`.
   *
   * @example
   * ```ts
   * await axor.changePassword(
   *   { old_password: "correct horse battery", new_password: "battery staple horse" },
   *   axor.clientInfo(request),
   * );
   * ```
   */
  changePassword(input: ChangePasswordInput, client: ClientInfo): Promise<void>;
  /**
   * `totp/init/` for the client's user: a new TOTP secret and 10 backup codes, stored (sealed
   * and hashed) as an unconfirmed setup that replaces any earlier unconfirmed one; 2FA stays
   * off until `enableTotp`. Throws 400 `TOTPAlreadyEnabledOnInit` when 2FA is on, 401
   * `NotAuthenticated` without a live credential.
   *
   * @example
   * ```ts
   * const { key, provision, backup_codes } = await axor.initTotp(axor.clientInfo(request));
   * // show provision as a QR code, key as text, and the backup codes once
   * ```
   */
  initTotp(client: ClientInfo): Promise<TotpSetup>;
  /**
   * `totp/enable/`: confirms the pending setup with a first 6-digit code and turns 2FA on.
   * Throws 400 `ValidationError` (no 6-digit code), 400 `TOTPNotSetup` (no pending setup), 400
   * `TOTPAlreadyEnabledOnInit` (2FA is on), 400 `InvalidTOTPToken` (wrong or used code; counts
   * toward the 2FA lock), 429 `TOTPLocked`, 401 `NotAuthenticated`.
   *
   * @example
   * ```ts
   * await axor.enableTotp({ code: "492039" }, axor.clientInfo(request));
   * ```
   */
  enableTotp(input: TotpCodeInput, client: ClientInfo): Promise<void>;
  /**
   * `totp/disable/`: turns 2FA off after a TOTP code or a backup code; the secret and every
   * backup code are deleted. Throws 400 `ValidationError` (no code), 400 `TOTPNotSetup` (2FA is
   * off), 400 `InvalidTOTPToken` (wrong or used code; counts toward the 2FA lock), 429
   * `TOTPLocked`, 401 `NotAuthenticated`.
   *
   * @example
   * ```ts
   * await axor.disableTotp({ code: "7k2mq-x9c4d-8h3jn-wq5r" }, axor.clientInfo(request));
   * ```
   */
  disableTotp(input: TotpCodeInput, client: ClientInfo): Promise<void>;
  /**
   * `totp/new-backup-codes/`: after a TOTP code or a backup code, returns 10 new backup codes;
   * every earlier one dies. Throws as `disableTotp`.
   *
   * @example
   * ```ts
   * const codes = await axor.newBackupCodes({ code: "492039" }, axor.clientInfo(request));
   * // show them once: only their HMACs are stored
   * ```
   */
  newBackupCodes(input: TotpCodeInput, client: ClientInfo): Promise<string[]>;
}
