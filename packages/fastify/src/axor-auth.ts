import type { AuthState, Axor } from "@axor/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import "./fastify-request-augmentation.js";
import { requestInstance } from "./request-instance.js";
import { sendAxorResponse } from "./send-axor-response.js";
import { toAxorRequest } from "./to-axor-request.js";

/**
 * A Fastify hook, usable as `onRequest` or `preHandler`, in a route's options or `addHook`.
 *
 * @example
 * ```ts
 * const signedIn: AxorHook = requireAuth(axor);
 * app.get("/api/hello", { preHandler: signedIn }, async (request) => ({
 *   hello: request.axor?.user.first_name,
 * }));
 * app.addHook("onRequest", axorAuth(axor)); // or resolve `request.axor` for every route
 * ```
 */
export type AxorHook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

const resolved = new WeakSet<FastifyRequest>();

/**
 * Resolves the request's credential once per request and stores it in `request.axor`; a
 * session that slid re-sets its cookie on the reply. Later calls return the stored result.
 */
export async function resolveAuth(
  axor: Axor,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthState | null> {
  if (resolved.has(request)) return request.axor;
  const { auth, setCookies } = await axor.authenticate(toAxorRequest(request));
  if (setCookies.length > 0) reply.header("set-cookie", setCookies);
  request.axor = auth;
  resolved.add(request);
  return auth;
}

/**
 * A hook that sets `request.axor` to the caller's `{ user, session }`, or null when the
 * request carries no valid credential. It never rejects a request: use a guard for that.
 *
 * @example
 * ```ts
 * app.addHook("preHandler", axorAuth(axor));
 * app.get("/", async (request) => ({ signedIn: request.axor !== null }));
 * ```
 */
export function axorAuth(axor: Axor): AxorHook {
  return async (request, reply) => {
    try {
      await resolveAuth(axor, request, reply);
    } catch (error) {
      return sendAxorResponse(reply, axor.errorResponse(error, requestInstance(request)));
    }
  };
}
