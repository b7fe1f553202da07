import type { Axor } from "@axor/core";
import type { AuthRequirement } from "@axor/core/adapter";
import { appendSetCookies, writeNodeResponse } from "@axor/core/adapter";
import type { RequestHandler } from "express";
import "./express-request-augmentation.js";
import { toAxorRequest } from "./express-request.js";

/** Middleware running `axor.authorize` once per request; the caller is kept in `req.axor`. */
function authorizing(axor: Axor, requirement: AuthRequirement): RequestHandler {
  return async (req, res, next) => {
    const result = await axor.authorize(toAxorRequest(req), requirement, req.axor);
    if (result.refusal) return writeNodeResponse(res, result.refusal);
    appendSetCookies(res, result.setCookies);
    req.axor = result.auth;
    next();
  };
}

/**
 * Sets `req.axor` to the caller's `{ user, session }`, or null. Refuses nothing (but answers
 * 503 when the storage is down): use a guard for that.
 *
 * @example
 * ```ts
 * app.use(axorAuth(axor));
 * app.get("/", (req, res) => res.send(req.axor ? `Hi ${req.axor.user.first_name}` : "Hi"));
 * ```
 */
export const axorAuth = (axor: Axor): RequestHandler => authorizing(axor, "optional");

/**
 * Lets through a session cookie or an app token (Axor's `IsAuthenticated`); else 401
 * `NotAuthenticated` (403 `CSRFFailed` for a cross-site cookie POST). Sets `req.axor`.
 *
 * @example
 * ```ts
 * app.get("/api/hello", requireAuth(axor), (req, res) => {
 *   res.json({ hello: req.axor?.user.first_name });
 * });
 * ```
 */
export const requireAuth = (axor: Axor): RequestHandler => authorizing(axor, "any");

/**
 * Lets through only a web session cookie (Axor's `IsAuthenticatedSessionCookie`).
 *
 * @example
 * ```ts
 * app.post("/billing", requireSessionCookie(axor), (req, res) => res.json({ ok: true }));
 * ```
 */
export const requireSessionCookie = (axor: Axor): RequestHandler => authorizing(axor, "web");

/**
 * Lets through only an app's Bearer token (Axor's `IsAuthenticatedAppToken`).
 *
 * @example
 * ```ts
 * app.get("/sync", requireAppToken(axor), (req, res) => res.json({ ok: true }));
 * ```
 */
export const requireAppToken = (axor: Axor): RequestHandler => authorizing(axor, "app");
