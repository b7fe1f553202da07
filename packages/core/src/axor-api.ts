import type { AuthState, LoginResponse, User } from "./api/api-objects.js";
import type { ClientInfo } from "./api/client-info.js";
import type { Authorization, AuthRequirement } from "./http/authorize.js";
import type { AxorRequest, AxorResponse } from "./http/neutral-http.js";
import type { ResolvedAxorOptions } from "./options/resolve-axor-options.js";

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
 * A login's result: the response body, plus the new session's key for the cookie.
 *
 * @example
 * ```ts
 * const { response, key, expireAt } = await axor.login({ email, password }, client);
 * // Calling the API directly, you deliver the key yourself: as the session cookie (expiring at
 * // `expireAt`) to a web client; an app client finds it in `response.session`.
 * ```
 */
export interface LoginResult {
  response: LoginResponse;
  /** The new session's key (also in `response.session` in app mode). */
  key: string;
  /** When the new session expires. */
  expireAt: Date;
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
export interface Authentication {
  auth: AuthState | null;
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
export interface Axor {
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
  authenticate(request: AxorRequest): Promise<Authentication>;
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
  ): Promise<Authorization>;
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
  register(input: RegisterInput, client: ClientInfo): Promise<LoginResult>;
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
  login(input: LoginInput, client: ClientInfo): Promise<LoginResult>;
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
   * The client's user, or null when not authenticated.
   *
   * @example
   * ```ts
   * const user = await axor.currentUser(axor.clientInfo(request));
   * ```
   */
  currentUser(client: ClientInfo): Promise<User | null>;
}
