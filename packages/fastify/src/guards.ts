import { type AuthState, type Axor, AxorError, problemResponse } from "@axor/core";
import { type AxorHook, resolveAuth } from "./axor-auth.js";
import { requestInstance } from "./request-instance.js";
import { sendAxorResponse } from "./send-axor-response.js";
import { toAxorRequest } from "./to-axor-request.js";

function guard(axor: Axor, admits: (auth: AuthState) => boolean): AxorHook {
  return async (request, reply) => {
    const instance = requestInstance(request);
    let auth: AuthState | null;
    try {
      auth = await resolveAuth(axor, request, reply);
      if (auth && admits(auth)) axor.checkOrigin(toAxorRequest(request));
    } catch (error) {
      return sendAxorResponse(reply, axor.errorResponse(error, instance));
    }
    if (auth && admits(auth)) return;
    return sendAxorResponse(reply, problemResponse(new AxorError("NotAuthenticated"), instance));
  };
}

/**
 * A `preHandler` that lets through requests authenticated by a session cookie or an app
 * token (Axor's `IsAuthenticated`); others get 401 `NotAuthenticated` in the contract's
 * envelope. Sets `request.axor` like `axorAuth`.
 *
 * @example
 * ```ts
 * app.get("/api/hello", { preHandler: requireAuth(axor) }, async (request) => ({
 *   hello: request.axor?.user.first_name,
 * }));
 * ```
 */
export function requireAuth(axor: Axor): AxorHook {
  return guard(axor, () => true);
}

/**
 * A `preHandler` that lets through only requests authenticated by a web session cookie
 * (Axor's `IsAuthenticatedSessionCookie`); app tokens and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.post("/billing", { preHandler: requireSessionCookie(axor) }, handler);
 * ```
 */
export function requireSessionCookie(axor: Axor): AxorHook {
  return guard(axor, (auth) => auth.session.kind === "web");
}

/**
 * A `preHandler` that lets through only requests authenticated by an app's Bearer token
 * (Axor's `IsAuthenticatedAppToken`); cookie sessions and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.get("/sync", { preHandler: requireAppToken(axor) }, handler);
 * ```
 */
export function requireAppToken(axor: Axor): AxorHook {
  return guard(axor, (auth) => auth.session.kind === "app");
}
