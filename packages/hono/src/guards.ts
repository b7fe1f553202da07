import { type AuthState, type Axor, AxorError, problemResponse } from "@axor/core";
import type { MiddlewareHandler } from "hono";
import { type AxorAuthOptions, resolveAuth } from "./axor-auth.js";
import type { AxorEnv } from "./axor-env.js";
import { axorResponse } from "./axor-response.js";
import { rawPath } from "./raw-path.js";
import { toAxorRequest } from "./to-axor-request.js";

function guard(
  axor: Axor,
  options: AxorAuthOptions,
  admits: (auth: AuthState) => boolean,
): MiddlewareHandler<AxorEnv> {
  return async (c, next) => {
    let auth: AuthState | null;
    try {
      auth = await resolveAuth(axor, c, options);
      if (auth && admits(auth)) axor.checkOrigin(toAxorRequest(c, options));
    } catch (error) {
      return axorResponse(c, axor.errorResponse(error, rawPath(c)));
    }
    if (auth && admits(auth)) return next();
    return axorResponse(c, problemResponse(new AxorError("NotAuthenticated"), rawPath(c)));
  };
}

/**
 * Middleware that lets through requests authenticated by a session cookie or an app token
 * (Axor's `IsAuthenticated`); others get 401 `NotAuthenticated` in the contract's envelope.
 * Sets `c.get("axor")` like `axorAuth`.
 *
 * @example
 * ```ts
 * app.get("/api/hello", requireAuth(axor), (c) =>
 *   c.json({ hello: c.get("axor")?.user.first_name }),
 * );
 * ```
 */
export function requireAuth(axor: Axor, options: AxorAuthOptions = {}): MiddlewareHandler<AxorEnv> {
  return guard(axor, options, () => true);
}

/**
 * Middleware that lets through only requests authenticated by a web session cookie (Axor's
 * `IsAuthenticatedSessionCookie`); app tokens and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.post("/billing", requireSessionCookie(axor), handler);
 * ```
 */
export function requireSessionCookie(
  axor: Axor,
  options: AxorAuthOptions = {},
): MiddlewareHandler<AxorEnv> {
  return guard(axor, options, (auth) => auth.session.kind === "web");
}

/**
 * Middleware that lets through only requests authenticated by an app's Bearer token (Axor's
 * `IsAuthenticatedAppToken`); cookie sessions and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.get("/sync", requireAppToken(axor), handler);
 * ```
 */
export function requireAppToken(
  axor: Axor,
  options: AxorAuthOptions = {},
): MiddlewareHandler<AxorEnv> {
  return guard(axor, options, (auth) => auth.session.kind === "app");
}
