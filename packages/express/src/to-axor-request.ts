import type { AxorRequest } from "@axor/core";
import type { Request } from "express";
import { neutralRequest } from "./neutral-request.js";

/**
 * The core's view of an Express request (headers, socket peer, protocol; no body), for the
 * server-side API on your own routes: `axor.checkOrigin`, `axor.authenticate`, `axor.clientInfo`.
 *
 * @example
 * ```ts
 * app.post("/api/notes", axorAuth(axor), (req, res) => {
 *   axor.checkOrigin(toAxorRequest(req)); // throws 403 CSRFFailed for a cross-site cookie POST
 *   // ...
 * });
 * ```
 */
export function toAxorRequest(req: Request): AxorRequest {
  return neutralRequest(req);
}
