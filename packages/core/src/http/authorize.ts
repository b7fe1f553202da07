import type { AuthState, User } from "../api/api-objects.js";
import { AxorError } from "../errors/axor-error.js";
import type { AxorRequest, AxorResponse } from "./neutral-http.js";
import { problemResponse } from "./problem-response.js";

/**
 * What a route asks of its caller. `optional`: anyone, the caller resolved if there is one (no
 * refusal but a storage failure). `any`: a web session or an app token (Axor's
 * `IsAuthenticated`). `web`: a web session cookie (`IsAuthenticatedSessionCookie`). `app`: an
 * app's Bearer token (`IsAuthenticatedAppToken`). All but `optional` also run the CSRF check.
 *
 * @example
 * ```ts
 * const requirement: AuthRequirement = "web"; // only browsers with a session cookie
 * const { refusal } = await axor.authorize(request, requirement);
 * ```
 */
export type AuthRequirement = "optional" | "any" | "web" | "app";

/**
 * The outcome of `axor.authorize`: either a refusal to send as it is, or the caller (null when
 * anonymous and allowed) with the cookies to add to the response.
 *
 * @example
 * ```ts
 * const result: Authorization = await axor.authorize(request, "any");
 * if (result.refusal) writeNodeResponse(res, result.refusal); // 401, 403, 503 or 500
 * else appendSetCookies(res, result.setCookies); // then serve result.auth
 * ```
 */
export interface Authorization<TUser extends User = User> {
  /** The caller's user and session, or null. */
  auth: AuthState<TUser> | null;
  /** Set-Cookie values to add to the response (a slid web session's renewed cookie). */
  setCookies: string[];
  /** Set when the request may not go on: the whole response to answer with. */
  refusal: AxorResponse | null;
}

/** What `authorize` needs of the Axor instance. */
export interface AuthorizeDependencies {
  authenticate(request: AxorRequest): Promise<{ auth: AuthState | null; setCookies: string[] }>;
  checkOrigin(request: AxorRequest): void;
  errorResponse(error: unknown, instance: string, request?: AxorRequest): AxorResponse;
}

function admits(requirement: AuthRequirement, auth: AuthState): boolean {
  return requirement === "optional" || requirement === "any" || auth.session.kind === requirement;
}

function refuse(response: AxorResponse, setCookies: string[]): Authorization {
  const refusal = { ...response, setCookies: [...setCookies, ...response.setCookies] };
  return { auth: null, setCookies: [], refusal };
}

/**
 * The guards' logic, once for every adapter: resolves the caller (unless `known` already holds
 * it), applies the requirement and the CSRF origin check, and turns any failure into the
 * contract's envelope. Never throws.
 */
export async function authorize(
  axor: AuthorizeDependencies,
  request: AxorRequest,
  requirement: AuthRequirement,
  known?: AuthState | null,
): Promise<Authorization> {
  const instance = `${request.mountPath ?? ""}${request.path}`;
  let auth = known ?? null;
  let setCookies: string[] = [];
  try {
    if (known === undefined) ({ auth, setCookies } = await axor.authenticate(request));
    if (requirement === "optional") return { auth, setCookies, refusal: null };
    if (auth && admits(requirement, auth)) {
      axor.checkOrigin(request);
      return { auth, setCookies, refusal: null };
    }
  } catch (error) {
    return refuse(axor.errorResponse(error, instance, request), setCookies);
  }
  return refuse(problemResponse(new AxorError("NotAuthenticated"), instance), setCookies);
}
