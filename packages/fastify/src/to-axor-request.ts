import type { AxorRequest } from "@axor/core";
import type { FastifyRequest } from "fastify";
import { neutralRequest } from "./neutral-request.js";

/**
 * The core's view of a Fastify request (headers, socket peer, protocol; no body), for the
 * server-side API on your own routes: `axor.checkOrigin`, `axor.authenticate`, `axor.clientInfo`.
 *
 * @example
 * ```ts
 * app.post("/api/notes", { preHandler: axorAuth(axor) }, async (request) => {
 *   axor.checkOrigin(toAxorRequest(request)); // throws 403 CSRFFailed for a cross-site cookie POST
 *   // ...
 * });
 * ```
 */
export function toAxorRequest(request: FastifyRequest): AxorRequest {
  return neutralRequest("", request);
}
