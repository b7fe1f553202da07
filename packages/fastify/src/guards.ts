import type { Axor } from "@axor/core";
import type { AuthRequirement, AxorResponse } from "@axor/core/adapter";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendAxorResponse, toAxorRequest } from "./fastify-request.js";

/** A Fastify hook, usable as `onRequest` or `preHandler`. */
export type AxorHook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
const resolved = new WeakSet<FastifyRequest>();

/** `axor.authorize` once per request: sets `request.axor` and cookies, or returns the refusal. */
export async function authorizeRequest(
  axor: Axor,
  requirement: AuthRequirement,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AxorResponse | null> {
  const known = resolved.has(request) ? request.axor : undefined;
  const result = await axor.authorize(toAxorRequest(request), requirement, known);
  if (result.refusal) return result.refusal;
  if (result.setCookies.length > 0) reply.header("set-cookie", result.setCookies);
  request.axor = result.auth;
  resolved.add(request);
  return null;
}

const hook =
  (axor: Axor, requirement: AuthRequirement): AxorHook =>
  async (request, reply) => {
    const refusal = await authorizeRequest(axor, requirement, request, reply);
    if (refusal) return sendAxorResponse(reply, refusal);
  };

/**
 * Sets `request.axor` (`axorPlugin` does this for every route unless `resolveAuth: false`).
 * @example
 * ```ts
 * app.addHook("onRequest", axorAuth(axor));
 * ```
 */
export const axorAuth = (axor: Axor): AxorHook => hook(axor, "optional");

/**
 * Lets through a session cookie or an app token (Axor's `IsAuthenticated`); else 401
 * `NotAuthenticated` (403 `CSRFFailed` for a cross-site cookie POST). Also `app.axor.requireAuth`.
 * @example
 * ```ts
 * app.get("/api/hello", { preHandler: requireAuth(axor) }, async (request) => ({
 *   hello: request.axor?.user.first_name,
 * }));
 * ```
 */
export const requireAuth = (axor: Axor): AxorHook => hook(axor, "any");

/**
 * Lets through only a web session cookie (Axor's `IsAuthenticatedSessionCookie`).
 * @example
 * ```ts
 * app.post("/billing", { preHandler: requireSessionCookie(axor) }, async () => ({ ok: true }));
 * ```
 */
export const requireSessionCookie = (axor: Axor): AxorHook => hook(axor, "web");

/**
 * Lets through only an app's Bearer token (Axor's `IsAuthenticatedAppToken`).
 * @example
 * ```ts
 * app.get("/sync", { preHandler: requireAppToken(axor) }, async () => ({ ok: true }));
 * ```
 */
export const requireAppToken = (axor: Axor): AxorHook => hook(axor, "app");
