import type { AuthState, LoginResponse, User } from "./api/api-objects.js";
import type { ClientInfo } from "./api/client-info.js";
import type { AxorRequest, AxorResponse } from "./http/neutral-http.js";
import type { ResolvedAxorOptions } from "./options/axor-options.js";

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
 * for (const cookie of setCookies) res.append("set-cookie", cookie); // a slid session's new cookie
 * if (!auth) return res.status(401).end();
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
  /** Serves the HTTP contract: one neutral request in, one neutral response out. Never throws. */
  handle(request: AxorRequest): Promise<AxorResponse>;
  /** Resolves a request's credential (Bearer key, else cookie); slides the session when due. */
  authenticate(request: AxorRequest): Promise<Authentication>;
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
   *   return send(axor.errorResponse(error, request.path)); // 403 CSRFFailed
   * }
   * ```
   */
  checkOrigin(request: AxorRequest): void;
  /**
   * Any error as the contract's envelope, for adapters' guards and middleware: an `AxorError`
   * as itself, an unreachable storage as 503, anything else as 500 (reported to `onError`).
   */
  errorResponse(error: unknown, instance: string): AxorResponse;
  /** Client IP (per `trustedProxies`), user agent, mode and credential of a neutral request. */
  clientInfo(request: AxorRequest): ClientInfo;
  /** Creates a user, signs them in and sends the verification email. */
  register(input: RegisterInput, client: ClientInfo): Promise<LoginResult>;
  /** Checks credentials (and the 2FA code) and creates a new session or app token. */
  login(input: LoginInput, client: ClientInfo): Promise<LoginResult>;
  /** Revokes the client's current session or token, if any. Idempotent. */
  logout(client: ClientInfo): Promise<void>;
  /** The client's user, or null when not authenticated. */
  currentUser(client: ClientInfo): Promise<User | null>;
}
