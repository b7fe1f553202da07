import type { AuthState, Axor } from "@axor/core";
import type { AuthRequirement } from "@axor/core/adapter";
import type { MiddlewareHandler } from "hono";
import type { AxorAppOptions } from "./axor-app.js";
import { honoRequest, honoResponse } from "./hono-request.js";

/** What `axorAuth` sets: `c.get("axor")` is the caller, or null. */
export type AxorEnv = { Variables: { axor: AuthState | null } };
/** What a guard guarantees to the handlers after it: `c.get("axor")` is never null. */
export type SignedInEnv = { Variables: { axor: AuthState } };

function authorizing<E extends AxorEnv | SignedInEnv>(
  axor: Axor,
  requirement: AuthRequirement,
  options: AxorAppOptions,
): MiddlewareHandler<E> {
  return async (c, next) => {
    const known = (c as { var: { axor?: AuthState | null } }).var.axor;
    const request = honoRequest(c, "", undefined, options.getClientIp);
    const result = await axor.authorize(request, requirement, known);
    if (result.refusal) return honoResponse(c, result.refusal);
    for (const cookie of result.setCookies) c.header("set-cookie", cookie, { append: true });
    c.set("axor", result.auth as AuthState);
    await next();
  };
}

/**
 * Sets `c.get("axor")` to the caller, or null. Refuses nothing (but answers 503 when the
 * storage is down).
 * @example
 * ```ts
 * app.use(axorAuth(axor));
 * app.get("/", (c) => c.text(c.get("axor") ? "signed in" : "anonymous"));
 * ```
 */
export const axorAuth = (axor: Axor, options: AxorAppOptions = {}) =>
  authorizing<AxorEnv>(axor, "optional", options);

/**
 * Lets through a session cookie or an app token (Axor's `IsAuthenticated`); else 401
 * `NotAuthenticated` (403 `CSRFFailed` for a cross-site cookie POST).
 * @example
 * ```ts
 * app.get("/api/hello", requireAuth(axor), (c) => c.json({ hello: c.get("axor").user.first_name }));
 * ```
 */
export const requireAuth = (axor: Axor, options: AxorAppOptions = {}) =>
  authorizing<SignedInEnv>(axor, "any", options);

/**
 * Lets through only a web session cookie (Axor's `IsAuthenticatedSessionCookie`).
 * @example
 * ```ts
 * app.post("/billing", requireSessionCookie(axor), (c) => c.json({ ok: true }));
 * ```
 */
export const requireSessionCookie = (axor: Axor, options: AxorAppOptions = {}) =>
  authorizing<SignedInEnv>(axor, "web", options);

/**
 * Lets through only an app's Bearer token (Axor's `IsAuthenticatedAppToken`).
 * @example
 * ```ts
 * app.get("/sync", requireAppToken(axor), (c) => c.json({ ok: true }));
 * ```
 */
export const requireAppToken = (axor: Axor, options: AxorAppOptions = {}) =>
  authorizing<SignedInEnv>(axor, "app", options);
