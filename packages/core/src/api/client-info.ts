import type { ClientMode } from "../storage/records.js";

/**
 * The credential a request carried: a Bearer key wins over a cookie.
 *
 * @example
 * ```ts
 * const { credential } = axor.clientInfo(request);
 * // Authorization: Bearer <key>  -> { source: "bearer", key: "<key>" }
 * // Cookie: axor_session=<key>   -> { source: "cookie", key: "<key>" }
 * // neither                      -> null
 * ```
 */
export interface Credential {
  source: "bearer" | "cookie";
  key: string;
  /** True when the key came out of a Django Axor JWT (`legacy.djangoAxor`): a cookie is swapped. */
  legacy?: boolean;
}

/**
 * Who is calling, as the server-side API needs it. `axor.clientInfo(request)` builds it from
 * a neutral request; a host app calling the API directly can build it by hand.
 *
 * @example
 * ```ts
 * const client: ClientInfo = { ip: "203.0.113.9", userAgent: "cli", mode: "app", credential: null };
 * ```
 */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  mode: ClientMode;
  credential: Credential | null;
  /** True when the request arrived over https (directly or via a trusted proxy). */
  secure?: boolean;
  /**
   * The device cookie a browser sent, if any: proof that it signed in to an account before,
   * so its login attempts are not throttled with everybody else's (docs/security.md).
   */
  deviceToken?: string | null;
}
