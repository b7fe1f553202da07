/**
 * The contract's User object, as `me/` returns it. Never carries a hash.
 *
 * @example
 * ```ts
 * // GET /api/user/me/ answers { "user": User }
 * const user: User = {
 *   id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
 *   email: "ada@example.com",
 *   first_name: "Ada",
 *   last_name: "Lovelace",
 *   timezone: "UTC",
 *   is_active: true,
 *   is_email_verified: false,
 *   totp_enabled: false,
 *   created_at: "2030-01-01T09:00:00.000Z",
 *   updated_at: "2030-01-01T09:00:00.000Z",
 * };
 * ```
 */
export interface User {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  timezone: string;
  is_active: boolean;
  is_email_verified: boolean;
  totp_enabled: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * The contract's Session object (a web session).
 *
 * @example
 * ```ts
 * // A login response's `last_session`: the user's newest web session before this login
 * const session: Session = {
 *   id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
 *   is_valid: true,
 *   created_at: "2030-01-01T09:00:00.000Z",
 *   updated_at: "2030-01-16T09:00:00.000Z",
 *   expire_at: "2030-02-15T09:00:00.000Z",
 *   ip: "203.0.113.7",
 *   ua: "Mozilla/5.0 (X11; Linux x86_64)",
 * };
 * ```
 */
export interface Session {
  id: string;
  is_valid: boolean;
  created_at: string;
  updated_at: string;
  expire_at: string;
  ip: string | null;
  ua: string | null;
  current?: boolean;
}

/**
 * The contract's AppToken object (an app's Bearer token).
 *
 * @example
 * ```ts
 * // A login response's `last_token_session`: the user's newest app token before this login
 * const token: AppToken = {
 *   id: "9b2f6d1e-4c3a-4f5b-8e7d-2a1c0b9f8e7d",
 *   is_valid: true,
 *   created_at: "2030-01-01T09:00:00.000Z",
 *   last_used_at: "2030-01-02T18:30:00.000Z",
 *   expire_at: "2030-04-01T09:00:00.000Z",
 *   ip: "198.51.100.4",
 *   ua: "MyApp/2.1 (iOS 17)",
 * };
 * ```
 */
export interface AppToken {
  id: string;
  is_valid: boolean;
  created_at: string;
  last_used_at: string;
  expire_at: string;
  ip: string | null;
  ua: string | null;
  current?: boolean;
}

/**
 * What `active_sessions/` answers: the user's live web sessions and app tokens, newest first,
 * each with `current` (true only on the caller's own).
 *
 * @example
 * ```ts
 * declare const key: string; // the app's Bearer key, from login
 * const res = await fetch("https://example.com/api/user/active_sessions/", {
 *   headers: { "x-requested-by": "mobile_app", authorization: `Bearer ${key}` },
 * });
 * const { sessions, tokens } = (await res.json()) as ActiveSessions;
 * const others = [...sessions, ...tokens].filter((item) => !item.current);
 * ```
 */
export interface ActiveSessions {
  sessions: Session[];
  tokens: AppToken[];
}

/**
 * What login, register and magic-link consumption answer. `session` only in app mode.
 *
 * @example
 * ```ts
 * const res = await fetch("https://example.com/api/user/login/", {
 *   method: "POST",
 *   headers: { "content-type": "application/json", "x-requested-by": "mobile_app" },
 *   body: JSON.stringify({ email: "ada@example.com", password: "correct horse battery" }),
 * });
 * const { user, session, last_session } = (await res.json()) as LoginResponse;
 * // app mode: send `Authorization: Bearer ${session?.key}` from now on
 * ```
 */
export interface LoginResponse<TUser extends User = User> {
  last_session: Session | null;
  last_token_session: AppToken | null;
  /** The user; with `userFields`, their declared fields too. */
  user: TUser;
  session?: { id: string; key: string };
}

/**
 * Who is making a request: what the adapters expose as `req.axor` / `c.get("axor")`.
 *
 * @example
 * ```ts
 * const { auth } = await axor.authenticate(request);
 * if (auth) console.log(`${auth.user.email} via a ${auth.session.kind} session`); // "web" or "app"
 * ```
 */
export interface AuthState<TUser extends User = User> {
  /** The user; with `userFields`, their declared fields too. */
  user: TUser;
  session: { id: string; kind: "web" | "app"; expire_at: string };
}
