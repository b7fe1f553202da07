import { type AuthState, type Axor, AxorError, problemResponse } from "@axor/core";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { resolveAuth } from "./axor-auth.js";
import { requestInstance } from "./request-instance.js";
import { sendAxorResponse } from "./send-axor-response.js";
import { toAxorRequest } from "./to-axor-request.js";

function guard(axor: Axor, admits: (auth: AuthState) => boolean): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    let auth: AuthState | null;
    try {
      auth = await resolveAuth(axor, req, res);
      if (auth && admits(auth)) axor.checkOrigin(toAxorRequest(req));
    } catch (error) {
      return sendAxorResponse(res, axor.errorResponse(error, requestInstance(req)));
    }
    if (auth && admits(auth)) return next();
    sendAxorResponse(res, problemResponse(new AxorError("NotAuthenticated"), requestInstance(req)));
  };
}

/**
 * Lets through requests authenticated by a session cookie or an app token (Axor's
 * `IsAuthenticated`); others get 401 `NotAuthenticated` in the contract's envelope.
 * Sets `req.axor` like `axorAuth`.
 *
 * @example
 * ```ts
 * app.get("/api/hello", requireAuth(axor), (req, res) => {
 *   res.json({ hello: req.axor?.user.first_name });
 * });
 * ```
 */
export function requireAuth(axor: Axor): RequestHandler {
  return guard(axor, () => true);
}

/**
 * Lets through only requests authenticated by a web session cookie (Axor's
 * `IsAuthenticatedSessionCookie`); app tokens and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.post("/billing", requireSessionCookie(axor), handler);
 * ```
 */
export function requireSessionCookie(axor: Axor): RequestHandler {
  return guard(axor, (auth) => auth.session.kind === "web");
}

/**
 * Lets through only requests authenticated by an app's Bearer token (Axor's
 * `IsAuthenticatedAppToken`); cookie sessions and anonymous requests get 401.
 *
 * @example
 * ```ts
 * app.get("/sync", requireAppToken(axor), handler);
 * ```
 */
export function requireAppToken(axor: Axor): RequestHandler {
  return guard(axor, (auth) => auth.session.kind === "app");
}
